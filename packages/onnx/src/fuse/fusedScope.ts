import type { Node } from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { commonScope } from '../import/naming/scopeName.js';

/**
 * The prefix for constants a fusion creates: the fused nodes' common module scope (`linear1`, so
 * the weight is `linear1.weight` as in PyTorch's state dict), or the root node's name.
 */
export function fusedScope(origins: NodeOrigins, covered: readonly Node[]): string {
  return commonScope(covered.flatMap((n) => origins.get(n))) || (covered[0] as Node).name;
}

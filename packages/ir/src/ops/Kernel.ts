import type { Node } from '../graph/Node.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { AttributeReader } from './AttributeReader.js';

/** What a kernel receives when the simulator runs one node. */
export interface KernelContext {
  readonly node: Node;
  /** Input tensors, `null` where an optional input is absent. */
  readonly inputs: readonly (Tensor | null)[];
  /** The node's attributes with their defaults. */
  readonly attrs: AttributeReader;
  /**
   * Counts an event of this node, such as `saturation` or `overflow`; the simulator sums them per
   * node and reports them after a run.
   */
  count(event: string, n?: number): void;
}

/**
 * Computes a node's outputs from its inputs. Ops that a backend adds carry their kernel in their
 * {@link OpDefinition}, which is how the simulator runs any backend's output without depending on it.
 */
export type Kernel = (ctx: KernelContext) => Tensor[];

import type { KernelContext } from '@qtk/ir';
import { QtkError } from '@qtk/ir';

/**
 * A {@link QtkError} about the node a kernel is running: what the user's graph or feeds got wrong,
 * prefixed with the node's name and op so the message points at the place in the model.
 */
export function nodeError(ctx: KernelContext, message: string): QtkError {
  return new QtkError('simulator.kernel', `node '${ctx.node.name}' (${ctx.node.op}): ${message}`);
}

import type { Node } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';

/** The FakeQuantize that is the only reader of a node's output (its output point), if any. */
export function outputPoint(ctx: LoweringContext, node: Node): Node | undefined {
  const out = node.outputs[0];
  if (!out || node.outputs.length !== 1 || ctx.source.outputs.includes(out)) return undefined;
  const uses = out.uses;
  const reader = uses.length === 1 ? uses[0]?.node : undefined;
  return reader && reader.op === 'FakeQuantize' && reader.domain === '' && !reader.inputs[0]?.constant
    ? reader
    : undefined;
}

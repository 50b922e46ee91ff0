import type { Node } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { type PerTensorActivation, perTensorInputs } from './perTensorActivation.js';
import { emitRescaledInputs } from './rescaledInputs.js';

/**
 * Sum and Mean of per-tensor activations: of one input, a requantization (one Rescale, or nothing
 * when the scales agree); of two, qtk's integer Add with Mean's 1/2 folded into its multipliers.
 * More inputs stay float: the integer Add takes two.
 */
export function lowerSumMean(ctx: LoweringContext, node: Node): LoweringOutcome {
  const n = node.inputs.length;
  if (n > 2) return `the integer Add takes two inputs, not ${n}`;
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const inputs = perTensorInputs(ctx, node);
  if (typeof inputs === 'string') return inputs;
  if (n === 1) {
    const y = ctx.quantizeTo(inputs[0] as PerTensorActivation, fakeQuantTarget(fq), `${node.name}_rescale`);
    ctx.consume(fq);
    ctx.set(fq.output(), y);
    return true;
  }
  return emitRescaledInputs(ctx, node, fq, 'Add', inputs, node.op === 'Mean' ? n : 1);
}

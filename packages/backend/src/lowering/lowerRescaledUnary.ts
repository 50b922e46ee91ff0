import { type Node, quantizeMultiplier } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { perTensorInput } from './perTensorActivation.js';

/** Abs and Neg of a per-tensor activation as qtk's integer Abs/Neg: exact on the integers, one requantization. */
export function lowerRescaledUnary(ctx: LoweringContext, node: Node): LoweringOutcome {
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const x = perTensorInput(ctx, node, 0);
  if (typeof x === 'string') return x;
  const target = fakeQuantTarget(fq);
  const sIn = x.scales[0] as number;
  const sOut = target.scales[0] as number;
  const m = quantizeMultiplier(sIn / sOut, node.name);
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: node.op,
    inputs: [x.value],
    attrs: {
      out_dtype: target.dtype,
      multipliers: [m.multiplier],
      shifts: [m.shift],
      input_scale: [sIn],
      output_scale: [sOut],
    },
    unit: ctx.policy.units.vector,
  });
}

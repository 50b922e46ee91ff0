import { type Node, QTK_DOMAIN, quantizeMultiplier } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { activationMismatch } from './perTensorActivation.js';

/** Abs and Neg of a per-tensor activation as qtk's integer Abs/Neg: exact on the integers, one requantization. */
export function lowerRescaledUnary(ctx: LoweringContext, node: Node): LoweringOutcome {
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const x = ctx.get(node.input(0));
  const why = activationMismatch(x, 0);
  if (why || x.kind !== 'int') return why ?? false;
  const target = fakeQuantTarget(fq);
  const sIn = x.scales[0] as number;
  const sOut = target.scales[0] as number;
  const m = quantizeMultiplier(sIn / sOut, node.name);
  const out = ctx.emit({
    op: node.op,
    domain: QTK_DOMAIN,
    name: node.name,
    inputs: [x.value],
    attrs: {
      out_dtype: target.dtype,
      multipliers: [m.multiplier],
      shifts: [m.shift],
      input_scale: [sIn],
      output_scale: [sOut],
    },
    outputs: [node.output().name],
    unit: ctx.policy.units.vector,
  });
  ctx.completePoint(fq, out.output(), target.dtype, sOut);
  return true;
}

import { type Node, QTK_DOMAIN, quantizeMultiplier } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { activationMismatch, type PerTensorActivation } from './perTensorActivation.js';

/**
 * Max and Min of one or more per-tensor activations as qtk's integer Max/Min: each input brought to
 * the output scale with the policy's extra fractional bits (inputs that share a scale, as
 * calibration makes two activations, get equal multipliers), the pick, one rounding.
 */
export function lowerRescaledSelection(ctx: LoweringContext, node: Node): LoweringOutcome {
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const inputs = node.inputs.map((_, i) => ctx.get(node.input(i)));
  for (const [i, l] of inputs.entries()) {
    const why = activationMismatch(l, i);
    if (why) return why;
  }
  const target = fakeQuantTarget(fq);
  const sOut = target.scales[0] as number;
  const f = ctx.policy.addFracBits;
  const scales = (inputs as PerTensorActivation[]).map((l) => l.scales[0] as number);
  const params = scales.map((s) => quantizeMultiplier((s / sOut) * 2 ** f, node.name));
  const out = ctx.emit({
    op: node.op,
    domain: QTK_DOMAIN,
    name: node.name,
    inputs: inputs.map((l) => l.value),
    attrs: {
      out_dtype: target.dtype,
      multipliers: params.map((p) => p.multiplier),
      shifts: params.map((p) => p.shift),
      frac_bits: f,
      input_scale: scales,
      output_scale: [sOut],
    },
    outputs: [node.output().name],
    unit: ctx.policy.units.vector,
  });
  ctx.completePoint(fq, out.output(), target.dtype, sOut);
  return true;
}

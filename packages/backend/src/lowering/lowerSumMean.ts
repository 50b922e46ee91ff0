import { type Node, QTK_DOMAIN, quantizeMultiplier } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { activationMismatch, type PerTensorActivation } from './perTensorActivation.js';

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
  const inputs = node.inputs.map((_, i) => ctx.get(node.input(i)));
  for (const [i, l] of inputs.entries()) {
    const why = activationMismatch(l, i);
    if (why) return why;
  }
  const ints = inputs as PerTensorActivation[];
  const target = fakeQuantTarget(fq);
  const sOut = target.scales[0] as number;
  if (n === 1) {
    const y = ctx.quantizeTo(ints[0] as PerTensorActivation, target, `${node.name}_rescale`);
    ctx.consume(fq);
    ctx.set(fq.output(), y);
    return true;
  }
  const divisor = node.op === 'Mean' ? n : 1;
  const f = ctx.policy.addFracBits;
  const scales = ints.map((l) => l.scales[0] as number);
  const params = scales.map((s) => quantizeMultiplier((s / (divisor * sOut)) * 2 ** f, node.name));
  const out = ctx.emit({
    op: 'Add',
    domain: QTK_DOMAIN,
    name: node.name,
    inputs: ints.map((l) => l.value),
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

import { type Node, QTK_DOMAIN, quantizeMultiplier } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { outputPoint } from './outputPoint.js';

/**
 * Add, Sub and Mul of two per-tensor integer inputs, requantized into the point after them: Add
 * and Sub rescale both inputs to the output scale (with extra fractional bits) and sum; Mul
 * multiplies and requantizes once. Returns false when the inputs or output do not fit.
 */
export function lowerElementwise(ctx: LoweringContext, node: Node): boolean {
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const [a, b] = [ctx.get(node.input(0)), ctx.get(node.input(1))];
  if (a.kind !== 'int' || b.kind !== 'int' || a.scales.length !== 1 || b.scales.length !== 1) return false;
  if (a.dtype === 'int32' || b.dtype === 'int32') return false;
  const target = fakeQuantTarget(fq);
  const sOut = target.scales[0] as number;
  const [sa, sb] = [a.scales[0] as number, b.scales[0] as number];
  const f = ctx.policy.addFracBits;
  const ratios = node.op === 'Mul' ? [(sa * sb) / sOut] : [(sa / sOut) * 2 ** f, (sb / sOut) * 2 ** f];
  const params = ratios.map((r) => quantizeMultiplier(r, node.name));
  const out = ctx.emit({
    op: node.op,
    domain: QTK_DOMAIN,
    name: node.name,
    inputs: [a.value, b.value],
    attrs: {
      out_dtype: target.dtype,
      multipliers: params.map((p) => p.multiplier),
      shifts: params.map((p) => p.shift),
      frac_bits: f,
      input_scale: [sa, sb],
      output_scale: [sOut],
    },
    outputs: [node.output().name],
    unit: ctx.policy.units.vector,
  });
  ctx.completePoint(fq, out.output(), target.dtype, sOut);
  return true;
}

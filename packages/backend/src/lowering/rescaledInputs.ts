import { type AttributeValue, type Node, quantizeMultiplier } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext, QuantTarget } from './LoweringContext.js';
import type { PerTensorActivation } from './perTensorActivation.js';

/**
 * The attributes of qtk's integer ops over rescaled inputs (Add, Sub, Mul, Max, Min): each of
 * `ratios` as a fixed-point multiplier and shift, the policy's extra fractional bits, and the
 * scales for people reading the graph.
 */
export function rescaledInputsAttributes(
  ctx: LoweringContext,
  node: Node,
  target: QuantTarget,
  inputScales: readonly number[],
  ratios: readonly number[],
): Record<string, AttributeValue> {
  const params = ratios.map((r) => quantizeMultiplier(r, node.name));
  return {
    out_dtype: target.dtype,
    multipliers: params.map((p) => p.multiplier),
    shifts: params.map((p) => p.shift),
    frac_bits: ctx.policy.addFracBits,
    input_scale: [...inputScales],
    output_scale: [target.scales[0] as number],
  };
}

/**
 * qtk's integer `op` (Add, Sub, Max, Min) over per-tensor activations, each brought to the scale
 * of the output point `fq` (times `divisor`, Mean's count) with the policy's extra fractional bits,
 * requantized into the point: inputs that share a scale get equal multipliers.
 */
export function emitRescaledInputs(
  ctx: LoweringContext,
  node: Node,
  fq: Node,
  op: string,
  inputs: readonly PerTensorActivation[],
  divisor = 1,
): true {
  const target = fakeQuantTarget(fq);
  const sOut = target.scales[0] as number;
  const f = ctx.policy.addFracBits;
  const scales = inputs.map((l) => l.scales[0] as number);
  const ratios = scales.map((s) => (s / (divisor * sOut)) * 2 ** f);
  return emitAtOutputPoint(ctx, node, fq, target, {
    op,
    inputs: inputs.map((l) => l.value),
    attrs: rescaledInputsAttributes(ctx, node, target, scales, ratios),
    unit: ctx.policy.units.vector,
  });
}

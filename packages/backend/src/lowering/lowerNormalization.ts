import { type Node, numel, quantizeMultiplier } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { normalizationParameters } from './normalizationParameters.js';
import { outputPoint } from './outputPoint.js';
import { isPerTensorActivation } from './perTensorActivation.js';

/**
 * LayerNorm with int16 internals: gamma becomes int16 (per tensor), beta int32 in output units
 * with `layerNormFracBits` extra bits, epsilon an integer in the statistics' units
 * (eps D^2 / s_x^2), and gamma's scale over the output scale a fixed-point multiplier.
 */
export function lowerLayerNorm(ctx: LoweringContext, node: Node): boolean {
  const fq = outputPoint(ctx, node);
  const x = ctx.get(node.input(0));
  if (!fq || !isPerTensorActivation(x)) return false;
  const attrs = ctx.source.registry.attributesOf(node);
  const shape = node.input(0).type.shape;
  const axis = attrs.int('axis') < 0 ? attrs.int('axis') + shape.length : attrs.int('axis');
  const dims = shape.slice(axis);
  if (!dims.every((d): d is number => typeof d === 'number')) return false;
  const d = numel(dims);
  const target = fakeQuantTarget(fq);
  const sx = x.scales[0] as number;
  const sOut = target.scales[0] as number;
  const gammaConst = node.inputs[1]?.constant;
  const betaConst = node.inputs[2]?.constant;
  if ((node.inputs[1] && !gammaConst) || (node.inputs[2] && !betaConst)) return false;
  const p = normalizationParameters(ctx, node, gammaConst, betaConst, d, d, sx, sOut, attrs.float('epsilon'));
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: 'LayerNorm',
    inputs: [x.value, p.gamma, p.beta],
    attrs: {
      axis,
      ...p.attrs,
      out_dtype: target.dtype,
      input_scale: [sx],
      output_scale: [sOut],
    },
    unit: ctx.policy.units.normalization,
  });
}

/** 2^(j/256) with 14 fractional bits, j = 0..256: the Softmax's exponential table. */
export const POW2_TABLE: readonly number[] = Array.from({ length: 257 }, (_, j) =>
  Math.round(2 ** (j / 256) * 2 ** 14),
);

/** Softmax with int16 internals: base-2 exponentials from {@link POW2_TABLE}, int32 sums. */
export function lowerSoftmax(ctx: LoweringContext, node: Node): boolean {
  const fq = outputPoint(ctx, node);
  const x = ctx.get(node.input(0));
  if (!fq || !isPerTensorActivation(x)) return false;
  const target = fakeQuantTarget(fq);
  const sx = x.scales[0] as number;
  const sOut = target.scales[0] as number;
  const e = quantizeMultiplier(sx * Math.LOG2E * 65536, node.name);
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: 'Softmax',
    inputs: [x.value],
    attrs: {
      axis: ctx.source.registry.attributesOf(node).int('axis'),
      exp_multiplier: e.multiplier,
      exp_shift: e.shift,
      pow2_table: [...POW2_TABLE],
      out_multiplier: Math.round(65536 / sOut),
      out_dtype: target.dtype,
      input_scale: [sx],
      output_scale: [sOut],
    },
    unit: ctx.policy.units.normalization,
  });
}

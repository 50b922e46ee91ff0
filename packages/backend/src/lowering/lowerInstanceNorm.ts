import { type Node, numel } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { normalizationParameters } from './normalizationParameters.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { isPerTensorActivation } from './perTensorActivation.js';

/**
 * InstanceNorm with int16 internals, as LayerNorm: the same integer arithmetic on each image and
 * channel's D spatial values (exact statistics, integer inverse square root), with scale (int16,
 * one scale for all channels) and B (int32 in output units) per channel.
 */
export function lowerInstanceNorm(ctx: LoweringContext, node: Node): LoweringOutcome {
  const fq = outputPoint(ctx, node);
  const x = ctx.get(node.input(0));
  if (!fq || !isPerTensorActivation(x)) return false;
  const spatial = node.input(0).type.shape.slice(2);
  if (!spatial.every((d): d is number => typeof d === 'number'))
    return 'its spatial dims are symbolic; the integer statistics need their count';
  const scale = node.input(1).constant;
  const bias = node.input(2).constant;
  if (!scale || !bias) return 'its scale and B are not constants';
  const target = fakeQuantTarget(fq);
  const sx = x.scales[0] as number;
  const sOut = target.scales[0] as number;
  const attrs = ctx.source.registry.attributesOf(node);
  const channels = scale.size;
  const p = normalizationParameters(ctx, node, scale, bias, channels, numel(spatial), sx, sOut, attrs.float('epsilon'));
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: 'InstanceNorm',
    inputs: [x.value, p.gamma, p.beta],
    attrs: { ...p.attrs, out_dtype: target.dtype, input_scale: [sx], output_scale: [sOut] },
    unit: ctx.policy.units.normalization,
  });
}

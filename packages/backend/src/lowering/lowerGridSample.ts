import { type Node, quantizeMultiplier } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import { INTERPOLATION_WEIGHT_BITS, interpolationOutputStage } from './fixedPointInterpolation.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { isPerTensorActivation } from './perTensorActivation.js';

/** The largest input side whose Q18 coordinates (clamped to [-1, side]) fit int32. */
export const GRID_SAMPLE_MAX_SIDE = 4096;

/**
 * Bilinear GridSample with zeros or border padding as `qtk::GridSample`: the grid's codes become
 * Q18 source coordinates by one fixed-point multiply and an offset per axis (the unnormalization
 * `g s_g L / 2 + (L - 1) / 2`, or `g s_g (L - 1) / 2 + (L - 1) / 2` with align_corners, folded
 * with the grid's scale), Q18 weights from their fractions, the int64 sum, one requantization
 * into the point after it. Nearest and bicubic modes and reflection padding stay in float.
 */
export function lowerGridSample(ctx: LoweringContext, node: Node): LoweringOutcome {
  const attrs = ctx.source.registry.attributesOf(node);
  const mode = attrs.string('mode');
  const padding = attrs.string('padding_mode');
  if (mode !== 'bilinear') {
    return `${mode} GridSample has no integer kernel (bilinear has): it runs in float32 on the CPU`;
  }
  if (padding === 'reflection') {
    return 'reflection padding folds coordinates back into the input, which the fixed-point coordinates do not model';
  }
  const fq = outputPoint(ctx, node);
  const x = ctx.get(node.input(0));
  const grid = ctx.get(node.input(1));
  if (!fq || !isPerTensorActivation(x) || !isPerTensorActivation(grid)) return false;
  const [h, w] = node.input(0).type.shape.slice(2);
  if (typeof h !== 'number' || typeof w !== 'number') return 'its input height and width are not static';
  if (h > GRID_SAMPLE_MAX_SIDE || w > GRID_SAMPLE_MAX_SIDE) {
    return `its input is larger than ${GRID_SAMPLE_MAX_SIDE} pixels on a side, beyond the fixed-point coordinates`;
  }
  const align = attrs.int('align_corners') !== 0;
  const sGrid = grid.scales[0] as number;
  const one = 2 ** INTERPOLATION_WEIGHT_BITS;
  const coordinate = (length: number) => {
    const ratio = ((sGrid * (align ? length - 1 : length)) / 2) * one;
    return ratio < 2 ** 31 ? { m: quantizeMultiplier(ratio, node.name), offset: ((length - 1) / 2) * one } : undefined;
  };
  const [cx, cy] = [coordinate(w), coordinate(h)];
  if (!cx || !cy) return `its grid's scale ${sGrid} spans more than 2^13 pixels per code`;
  const target = fakeQuantTarget(fq);
  const [sIn, sOut] = [x.scales[0] as number, target.scales[0] as number];
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: 'GridSample',
    inputs: [x.value, grid.value],
    attrs: {
      padding_mode: padding,
      coord_multipliers: [cx.m.multiplier, cy.m.multiplier],
      coord_shifts: [cx.m.shift, cy.m.shift],
      coord_offsets: [cx.offset, cy.offset],
      ...interpolationOutputStage(sIn, target, node.name),
      input_scale: [sIn],
      grid_scale: [sGrid],
      output_scale: [sOut],
    },
    unit: ctx.policy.units.vector,
  });
}

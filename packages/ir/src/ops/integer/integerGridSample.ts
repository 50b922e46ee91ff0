import type { Dim } from '../../shape/Shape.js';
import type { OpDefinition } from '../OpDefinition.js';
import { checkInterpolationOutput, INTERPOLATION_OUTPUT_ATTRIBUTES } from './interpolationWeights.js';
import { isIntegerActivation } from './outputStage.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

/**
 * Integer bilinear GridSample of an int8/int16 input [N, C, H, W] at an int8/int16 grid
 * [N, Hout, Wout, 2]. Each grid code g gives a source coordinate in Q`weight_bits`,
 * `u = multiplyByFixedPoint(g, coord_multipliers[k], coord_shifts[k]) + coord_offsets[k]` (k = 0 for
 * x, 1 for y), clamped to [-1, W] pixels with `zeros` padding (beyond, every tap is outside) or to
 * [0, W - 1] with `border`; its integer part picks the two taps, its fraction `f` weighs them
 * `2^weight_bits - f` and `f`; `zeros` taps outside the input read 0, `border` taps are clamped.
 * The sum of the four products ends in the interpolation output stage (see
 * `INTERPOLATION_OUTPUT_ATTRIBUTES`).
 */
export const IntegerGridSample: OpDefinition<'GridSample'> = {
  op: 'GridSample',
  domain: QTK_DOMAIN,
  summary: 'Integer bilinear grid sampling: fixed-point coordinates and weights, int64 sum, requantize.',
  inputs: [{ name: 'X' }, { name: 'grid' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    padding_mode: { kind: 'string', default: 'zeros' },
    coord_multipliers: { kind: 'ints', required: true },
    coord_shifts: { kind: 'ints', required: true },
    coord_offsets: { kind: 'ints', required: true },
    ...INTERPOLATION_OUTPUT_ATTRIBUTES,
    grid_scale: { kind: 'floats' },
  },
  inferTypes(ctx) {
    const x = ctx.requireInput(0);
    const grid = ctx.requireInput(1);
    if (!isIntegerActivation(x.dtype)) ctx.fail(`input must be int8 or int16, got ${x.dtype}`);
    if (!isIntegerActivation(grid.dtype)) ctx.fail(`grid must be int8 or int16, got ${grid.dtype}`);
    if (x.shape.length !== 4 || grid.shape.length !== 4) ctx.fail('input and grid must be 4-D');
    const padding = ctx.attrs.string('padding_mode');
    if (padding !== 'zeros' && padding !== 'border') ctx.fail(`padding_mode '${padding}' is not zeros or border`);
    for (const name of ['coord_multipliers', 'coord_shifts', 'coord_offsets']) {
      if (ctx.attrs.ints(name).length !== 2) ctx.fail(`${name} must hold two entries (x, y)`);
    }
    const dtype = checkInterpolationOutput(ctx);
    return [{ dtype, shape: [x.shape[0] as Dim, x.shape[1] as Dim, grid.shape[1] as Dim, grid.shape[2] as Dim] }];
  },
};

import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

/**
 * A nonlinear function of an int8 input as a 256-entry table on the VAE: `y = table[x + 128]`
 * (int8 out). The backend fills the table with the fake-quantized function values.
 */
export const Lut: OpDefinition = {
  op: 'Lut',
  domain: QTK_DOMAIN,
  summary: 'int8 -> int8 through a 256-entry table.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    table: { kind: 'ints', required: true },
    function: { kind: 'string' },
    input_scale: { kind: 'floats' },
    output_scale: { kind: 'floats' },
  },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.dtype !== 'int8') ctx.fail(`input must be int8, got ${x.dtype}`);
    const t = ctx.attrs.ints('table');
    if (t.length !== 256 || t.some((v) => v < -128 || v > 127)) ctx.fail('table must hold 256 int8 values');
    return [{ dtype: 'int8', shape: x.shape }];
  },
};

/**
 * A nonlinear function of an int16 input as a segmented table (8 segments of linear
 * interpolation with int16 coefficients, as the vendor describes): the segment k is the number of
 * `bounds` (7, ascending) at or below x, and
 * `y = clamp(floor((x * slopes[k] + offsets[k] + 2^(shift-1)) / 2^shift))` as int16.
 */
export const SegmentLut: OpDefinition = {
  op: 'SegmentLut',
  domain: QTK_DOMAIN,
  summary: 'int16 -> int16 through 8 linear segments with int16 slopes.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    bounds: { kind: 'ints', required: true },
    slopes: { kind: 'ints', required: true },
    offsets: { kind: 'ints', required: true },
    shift: { kind: 'int', required: true },
    function: { kind: 'string' },
    input_scale: { kind: 'floats' },
    output_scale: { kind: 'floats' },
  },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.dtype !== 'int16') ctx.fail(`input must be int16, got ${x.dtype}`);
    const bounds = ctx.attrs.ints('bounds');
    const slopes = ctx.attrs.ints('slopes');
    if (bounds.length !== 7 || slopes.length !== 8 || ctx.attrs.ints('offsets').length !== 8) {
      ctx.fail('8 segments: 7 bounds, 8 slopes, 8 offsets');
    }
    if (slopes.some((s) => s < -32768 || s > 32767)) ctx.fail('slopes must be int16');
    if (bounds.some((b, i) => i > 0 && b < (bounds[i - 1] as number))) ctx.fail('bounds must ascend');
    const shift = ctx.attrs.int('shift');
    if (shift < 0 || shift > 40) ctx.fail(`shift ${shift} out of range 0..40`);
    return [{ dtype: 'int16', shape: x.shape }];
  },
};

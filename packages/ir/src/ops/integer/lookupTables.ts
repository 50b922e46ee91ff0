import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

/**
 * A nonlinear function of an int8 input as a 256-entry table on the VAE: `y = table[x + 128]`
 * (int8 out). The backend fills the table with the fake-quantized function values.
 */
export const Lut: OpDefinition<'Lut'> = {
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

/** Points per segment of a {@link SegmentLut} table (64 intervals). */
export const SEGMENT_POINTS = 65;

/**
 * A nonlinear function of an int16 input as a segmented table (the vendor describes 8 segments of
 * linear interpolation with int16 coefficients): segment k covers `[start_k, bounds[k])` with
 * `start_0 = -32768` and `start_k = bounds[k-1]` (7 ascending `bounds`); it samples the function
 * every `2^steps[k]` input units at 65 points (`tables[65k ... 65k + 64]`, int16), and
 * `j = (x - start_k) >> steps[k]` (at most 63), `r = x - start_k - j 2^steps[k]`,
 * `y = T[j] + floor(((T[j+1] - T[j]) r + 2^(steps[k]-1)) / 2^steps[k])`.
 */
export const SegmentLut: OpDefinition<'SegmentLut'> = {
  op: 'SegmentLut',
  domain: QTK_DOMAIN,
  summary: 'int16 -> int16 through 8 segments of interpolated int16 tables.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    bounds: { kind: 'ints', required: true },
    steps: { kind: 'ints', required: true },
    tables: { kind: 'ints', required: true },
    function: { kind: 'string' },
    input_scale: { kind: 'floats' },
    output_scale: { kind: 'floats' },
  },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.dtype !== 'int16') ctx.fail(`input must be int16, got ${x.dtype}`);
    const bounds = ctx.attrs.ints('bounds');
    const steps = ctx.attrs.ints('steps');
    const tables = ctx.attrs.ints('tables');
    if (bounds.length !== 7 || steps.length !== 8 || tables.length !== 8 * SEGMENT_POINTS) {
      ctx.fail(`8 segments: 7 bounds, 8 steps, ${8 * SEGMENT_POINTS} table entries`);
    }
    if (tables.some((t) => t < -32768 || t > 32767)) ctx.fail('table entries must be int16');
    if (steps.some((s) => s < 0 || s > 15)) ctx.fail('steps must be in 0..15');
    if (bounds.some((b, i) => b <= (i > 0 ? (bounds[i - 1] as number) : -32768)))
      ctx.fail('bounds must ascend above -32768');
    return [{ dtype: 'int16', shape: x.shape }];
  },
};

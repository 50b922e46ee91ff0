import { normalizeAxis } from '../../shape/Shape.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { activationOutDtype, REQUANTIZATION_ATTRIBUTES } from './activationRequantization.js';
import { isIntegerActivation } from './outputStage.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

function checkScales(ctx: InferenceContext, name: string, count: number): void {
  const axis = ctx.attrs.has('axis') ? ctx.attrs.int('axis') : undefined;
  const x = ctx.requireInput(0);
  if (axis === undefined) {
    if (count !== 1) ctx.fail(`${name}: one entry per tensor (set axis for per-channel), got ${count}`);
    return;
  }
  const a = normalizeAxis(axis, x.shape.length);
  if (a === undefined) ctx.fail(`axis ${axis} out of range for rank ${x.shape.length}`);
  const c = x.shape[a];
  if (typeof c === 'number' && count !== 1 && count !== c)
    ctx.fail(`${name}: ${count} entries for ${c} channels on axis ${a}`);
}

/** float32 -> int8/int16: `clamp(round(x / scale))`, half to even or BPU rounding (VPU, or CPU at inputs). */
export const Quantize: OpDefinition<'Quantize'> = {
  op: 'Quantize',
  domain: QTK_DOMAIN,
  summary: 'Float to int8/int16 at the given scales.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    out_dtype: { kind: 'string', required: true },
    scales: { kind: 'floats', required: true },
    axis: { kind: 'int' },
    rounding: { kind: 'string', default: 'half-to-even' },
  },
  inferTypes(ctx) {
    const x = ctx.requireInput(0);
    if (x.dtype !== 'float32') ctx.fail(`input must be float32, got ${x.dtype}`);
    checkScales(ctx, 'scales', ctx.attrs.floats('scales').length);
    return [{ dtype: activationOutDtype(ctx), shape: x.shape }];
  },
};

/** int8/int16/int32 -> float32: `x * scale` (per channel along `axis`). */
export const Dequantize: OpDefinition<'Dequantize'> = {
  op: 'Dequantize',
  domain: QTK_DOMAIN,
  summary: 'Integer to float32 at the given scales.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: { scales: { kind: 'floats', required: true }, axis: { kind: 'int' } },
  inferTypes(ctx) {
    const x = ctx.requireInput(0);
    if (!isIntegerActivation(x.dtype) && x.dtype !== 'int32')
      ctx.fail(`input must be int8, int16 or int32, got ${x.dtype}`);
    checkScales(ctx, 'scales', ctx.attrs.floats('scales').length);
    return [{ dtype: 'float32', shape: x.shape }];
  },
};

/**
 * Integer requantization (rescale) on the VAE: `clamp(multiplyByFixedPoint(x, multipliers[c],
 * shifts[c]), lo, hi)` from int8/int16/int32 to int8/int16, per channel along `axis` when given.
 * A dequantize followed by a quantize becomes one Rescale.
 */
export const Rescale: OpDefinition<'Rescale'> = {
  op: 'Rescale',
  domain: QTK_DOMAIN,
  summary: 'Integer to int8/int16 at a new scale (fixed-point multiplier and shift).',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    ...REQUANTIZATION_ATTRIBUTES,
    axis: { kind: 'int' },
    clamp_min: { kind: 'int' },
    clamp_max: { kind: 'int' },
    input_scale: { kind: 'floats' },
    output_scale: { kind: 'floats' },
  },
  inferTypes(ctx) {
    const x = ctx.requireInput(0);
    if (!isIntegerActivation(x.dtype) && x.dtype !== 'int32')
      ctx.fail(`input must be int8, int16 or int32, got ${x.dtype}`);
    const m = ctx.attrs.ints('multipliers').length;
    if (m !== ctx.attrs.ints('shifts').length) ctx.fail('multipliers and shifts differ in length');
    checkScales(ctx, 'multipliers', m);
    return [{ dtype: activationOutDtype(ctx), shape: x.shape }];
  },
};

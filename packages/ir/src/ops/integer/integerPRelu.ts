import { normalizeAxis } from '../../shape/Shape.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import {
  activationOutDtype,
  checkRequantizationCount,
  REQUANTIZATION_ATTRIBUTES,
  requireIntegerActivation,
} from './activationRequantization.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

/**
 * Integer PRelu with one slope per channel along `axis` on the VAE: a non-negative x is
 * requantized by the positive side's `multipliers[0]`, `shifts[0]` (the ratio s_in / s_out), a
 * negative one by its channel's `negative_multipliers[c]`, `negative_shifts[c]` (the ratio
 * slope[c] s_in / s_out, negative for a negative slope):
 * `y = clamp(multiplyByFixedPoint(x, M, S))`, rounding half up.
 */
export const IntegerPRelu: OpDefinition<'PRelu'> = {
  op: 'PRelu',
  domain: QTK_DOMAIN,
  summary: 'Integer PRelu: one requantization for x >= 0, one per channel (signed) below.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    ...REQUANTIZATION_ATTRIBUTES,
    negative_multipliers: { kind: 'ints', required: true },
    negative_shifts: { kind: 'ints', required: true },
    axis: { kind: 'int', required: true },
    input_scale: { kind: 'floats' },
    slopes: { kind: 'floats' },
    output_scale: { kind: 'floats' },
  },
  inferTypes(ctx: InferenceContext) {
    const x = requireIntegerActivation(ctx);
    checkRequantizationCount(ctx, 1, 'one multiplier and one shift for x >= 0');
    const n = ctx.attrs.ints('negative_multipliers').length;
    if (n === 0 || ctx.attrs.ints('negative_shifts').length !== n) {
      ctx.fail('negative_multipliers and negative_shifts need one entry per channel');
    }
    const axis = normalizeAxis(ctx.attrs.int('axis'), x.shape.length);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${x.shape.length}`);
    const channels = x.shape[axis];
    if (typeof channels === 'number' && n !== 1 && n !== channels) {
      ctx.fail(`${n} negative multipliers for ${channels} channels on axis ${axis}`);
    }
    return [{ dtype: activationOutDtype(ctx), shape: x.shape }];
  },
};

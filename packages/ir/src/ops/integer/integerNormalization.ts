import { type Dim, formatShape, normalizeAxis } from '../../shape/Shape.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { activationOutDtype, requireIntegerActivation } from './activationRequantization.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

/**
 * The attributes of the integer row normalizations (LayerNorm, InstanceNorm): `epsilon_int` in the
 * statistics' units, gamma's scale over the output scale as `multiplier` / 2^`shift`, beta's
 * `frac_bits`, the output dtype, and the scales for people reading the graph.
 */
const ROW_NORMALIZATION_ATTRIBUTES = {
  epsilon_int: { kind: 'int', default: 0 },
  multiplier: { kind: 'int', required: true },
  shift: { kind: 'int', required: true },
  frac_bits: { kind: 'int', default: 12 },
  out_dtype: { kind: 'string', required: true },
  input_scale: { kind: 'floats' },
  output_scale: { kind: 'floats' },
} as const;

/**
 * Checks gamma (input 1, int16) and beta (input 2, int32) where given; with `perChannel`, each is
 * one value per channel, `[channels]`.
 */
function checkGammaBeta(ctx: InferenceContext, perChannel?: { readonly channels: Dim }): void {
  for (const [i, what, dtype] of [
    [1, 'gamma', 'int16'],
    [2, 'beta', 'int32'],
  ] as const) {
    const t = ctx.inputType(i);
    if (!t) continue;
    if (t.dtype !== dtype) ctx.fail(`${what} must be ${dtype}, got ${t.dtype}`);
    if (!perChannel) continue;
    const { channels } = perChannel;
    if (
      t.shape.length !== 1 ||
      (typeof channels === 'number' && typeof t.shape[0] === 'number' && t.shape[0] !== channels)
    )
      ctx.fail(`${what} must be [${channels}], got ${formatShape(t.shape)}`);
  }
}

/**
 * Integer LayerNorm with int16 internals, over dims `axis`..last (D values per row):
 * `S1 = sum x`, `S2 = sum x^2` (exact), `V = D S2 - S1^2 + epsilon_int` (D^2 times the variance
 * plus epsilon, in the input's integer units), `c = D x - S1`, `r = isqrt(floor(2^96 / V))`
 * (1/sqrt(V) with 48 fractional bits), then
 * `t = round_half_up(c * gamma * r * multiplier / 2^(48 + shift - frac_bits))`,
 * `y = clamp(round_half_up((t + beta) / 2^frac_bits))`.
 * Gamma is int16 (absent: 1), beta int32 in output units times 2^frac_bits (absent: 0), and
 * multiplier / 2^shift is gamma's scale over the output scale. All integer arithmetic.
 */
export const IntegerLayerNorm: OpDefinition<'LayerNorm'> = {
  op: 'LayerNorm',
  domain: QTK_DOMAIN,
  summary: 'Integer LayerNorm: exact statistics, integer inverse square root, int16 gamma.',
  inputs: [{ name: 'X' }, { name: 'Gamma', optional: true }, { name: 'Beta', optional: true }],
  outputs: [{ name: 'Y' }],
  attributes: { axis: { kind: 'int', default: -1 }, ...ROW_NORMALIZATION_ATTRIBUTES },
  inferTypes(ctx) {
    const x = requireIntegerActivation(ctx);
    if (normalizeAxis(ctx.attrs.int('axis'), x.shape.length) === undefined) {
      ctx.fail(`axis ${ctx.attrs.int('axis')} is out of range for ${formatShape(x.shape)}`);
    }
    checkGammaBeta(ctx);
    return [{ dtype: activationOutDtype(ctx), shape: x.shape }];
  },
};

/**
 * Integer Softmax with int16 internals along `axis`: `z = x - max` (<= 0);
 * `u = multiplyByFixedPoint(z, exp_multiplier, exp_shift)` is z s_x log2(e) with 16 fractional
 * bits; with `k = floor(u / 2^16)`, `f = u - k 2^16`, `e = interp(pow2_table, f) >> -k` where
 * `pow2_table[j] = round(2^(j/256) 2^14)`, j = 0..256, interpolated linearly on f's low 8 bits;
 * `y = clamp(floor((e * out_multiplier + sum(e) 2^15) / (sum(e) 2^16)))` with
 * `out_multiplier = round(2^16 / s_out)`.
 */
export const IntegerSoftmax: OpDefinition<'Softmax'> = {
  op: 'Softmax',
  domain: QTK_DOMAIN,
  summary: 'Integer Softmax: base-2 exponentials from a 257-entry table, int32 sums.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    axis: { kind: 'int', default: -1 },
    exp_multiplier: { kind: 'int', required: true },
    exp_shift: { kind: 'int', required: true },
    pow2_table: { kind: 'ints', required: true },
    out_multiplier: { kind: 'int', required: true },
    out_dtype: { kind: 'string', required: true },
    input_scale: { kind: 'floats' },
    output_scale: { kind: 'floats' },
  },
  inferTypes(ctx) {
    const x = requireIntegerActivation(ctx);
    if (normalizeAxis(ctx.attrs.int('axis'), x.shape.length) === undefined) {
      ctx.fail(`axis ${ctx.attrs.int('axis')} is out of range for ${formatShape(x.shape)}`);
    }
    if (ctx.attrs.ints('pow2_table').length !== 257) ctx.fail('pow2_table must have 257 entries');
    return [{ dtype: activationOutDtype(ctx), shape: x.shape }];
  },
};

/**
 * Integer InstanceNorm with int16 internals: the arithmetic of {@link IntegerLayerNorm} on each
 * row of D = D1 x ... x Dn values (one image and channel, NC[D]HW), with gamma (int16, absent: 1)
 * and beta (int32 in output units times 2^frac_bits, absent: 0) taken per channel c:
 * `t = round_half_up(c_i * gamma[c] * r * multiplier / 2^(48 + shift - frac_bits))`,
 * `y = clamp(round_half_up((t + beta[c]) / 2^frac_bits))`, with `c_i = D x_i - S1`,
 * `r = isqrt(floor(2^96 / (D S2 - S1^2 + epsilon_int)))`.
 */
export const IntegerInstanceNorm: OpDefinition<'InstanceNorm'> = {
  op: 'InstanceNorm',
  domain: QTK_DOMAIN,
  summary: 'Integer InstanceNorm: per image and channel, the integer LayerNorm arithmetic, int16 gamma per channel.',
  inputs: IntegerLayerNorm.inputs,
  outputs: IntegerLayerNorm.outputs,
  attributes: ROW_NORMALIZATION_ATTRIBUTES,
  inferTypes(ctx) {
    const x = requireIntegerActivation(ctx);
    if (x.shape.length < 3) ctx.fail(`input must be N x C x D1 x ..., got ${formatShape(x.shape)}`);
    checkGammaBeta(ctx, { channels: x.shape[1] as Dim });
    return [{ dtype: activationOutDtype(ctx), shape: x.shape }];
  },
};

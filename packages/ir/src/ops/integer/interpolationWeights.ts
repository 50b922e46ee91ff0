import type { AttributeSpec } from '../../graph/Attribute.js';
import type { InferenceContext } from '../OpDefinition.js';
import { activationOutDtype } from './activationRequantization.js';

/**
 * The largest `weight_bits` of the integer interpolations: with int16 data (|q| <= 2^15) the sum of
 * the four products `q wy wx` stays below 2^(15 + 2 * 18) = 2^51, exact in int64 (and in the
 * simulator's doubles).
 */
export const MAX_INTERPOLATION_WEIGHT_BITS = 18;

/**
 * The end of an integer interpolation (Resize, GridSample): the sum `acc` of the four products
 * (2 `weight_bits` fractional bits) is rounded half up by a right shift of `acc_shift` into int32,
 * then requantized with `multiplier` / 2^`shift` into `out_dtype`, rounded half up and saturated.
 */
export const INTERPOLATION_OUTPUT_ATTRIBUTES: Readonly<Record<string, AttributeSpec>> = {
  weight_bits: { kind: 'int', required: true },
  acc_shift: { kind: 'int', required: true },
  multiplier: { kind: 'int', required: true },
  shift: { kind: 'int', required: true },
  out_dtype: { kind: 'string', required: true },
  // For people reading the graph (visualize).
  input_scale: { kind: 'floats' },
  output_scale: { kind: 'floats' },
};

/** Checks the {@link INTERPOLATION_OUTPUT_ATTRIBUTES}; returns the output dtype. */
export function checkInterpolationOutput(ctx: InferenceContext): 'int8' | 'int16' {
  const bits = ctx.attrs.int('weight_bits');
  if (bits < 0 || bits > MAX_INTERPOLATION_WEIGHT_BITS) {
    ctx.fail(`weight_bits ${bits} is outside 0 to ${MAX_INTERPOLATION_WEIGHT_BITS}`);
  }
  const accShift = ctx.attrs.int('acc_shift');
  if (accShift < 0 || accShift > 2 * bits) ctx.fail(`acc_shift ${accShift} is outside 0 to ${2 * bits}`);
  return activationOutDtype(ctx);
}

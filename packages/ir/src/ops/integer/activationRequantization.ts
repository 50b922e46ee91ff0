import type { TensorType } from '../../graph/TensorType.js';
import type { InferenceContext } from '../OpDefinition.js';
import { isIntegerActivation } from './outputStage.js';

/**
 * The requantization the VAE's integer ops end with: `out_dtype` (int8 or int16) and the
 * fixed-point `multipliers` and `shifts` (`M / 2^S`, the ratio of scales they apply).
 */
export const REQUANTIZATION_ATTRIBUTES = {
  out_dtype: { kind: 'string', required: true },
  multipliers: { kind: 'ints', required: true },
  shifts: { kind: 'ints', required: true },
} as const;

/** Input `index` of an integer op, which must be an int8 or int16 activation (`what` names it in the error). */
export function requireIntegerActivation(ctx: InferenceContext, index = 0, what = 'input'): TensorType {
  const x = ctx.requireInput(index);
  if (!isIntegerActivation(x.dtype)) ctx.fail(`${what} must be int8 or int16, got ${x.dtype}`);
  return x;
}

/** The `out_dtype` of an integer op writing an activation: int8 or int16. */
export function activationOutDtype(ctx: InferenceContext): 'int8' | 'int16' {
  const out = ctx.attrs.string('out_dtype');
  if (out !== 'int8' && out !== 'int16') ctx.fail(`out_dtype '${out}' is not int8 or int16`);
  return out;
}

/** Checks that `multipliers` and `shifts` hold `count` entries each; `message` says what they are for. */
export function checkRequantizationCount(ctx: InferenceContext, count: number, message: string): void {
  if (ctx.attrs.ints('multipliers').length !== count || ctx.attrs.ints('shifts').length !== count) ctx.fail(message);
}

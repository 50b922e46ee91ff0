import { type DType, type KernelContext, multiplyByFixedPoint, Tensor } from '@qtk/ir';
import { clampBounds } from './outputStage.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The output stage of an integer interpolation (see `INTERPOLATION_OUTPUT_ATTRIBUTES` in
 * `@qtk/ir`): each exact sum is rounded half up by a right shift of `acc_shift` into int32 (an
 * `overflow` event and saturation beyond it), requantized by `multiplier` / 2^`shift` (half up) and
 * saturated into `out_dtype` (a `saturated` event).
 */
export function finishInterpolation(ctx: KernelContext, acc: Float64Array, shape: readonly number[]): Tensor {
  const accShift = ctx.attrs.int('acc_shift');
  const m = ctx.attrs.int('multiplier');
  const s = ctx.attrs.int('shift');
  const dtype = ctx.attrs.string('out_dtype') as DType;
  const { lo, hi, qmin, qmax } = clampBounds(ctx, dtype);
  const half = accShift > 0 ? 2 ** (accShift - 1) : 0;
  const unit = 2 ** accShift;
  const out = Tensor.zeros(dtype, shape);
  const dst = out.data as Int8Array | Int16Array;
  let overflow = 0;
  let saturated = 0;
  for (let i = 0; i < acc.length; i++) {
    let t = Math.floor(((acc[i] as number) + half) / unit);
    if (t < INT32_MIN || t > INT32_MAX) {
      overflow++;
      t = t < 0 ? INT32_MIN : INT32_MAX;
    }
    const y = multiplyByFixedPoint(t, m, s);
    if (y < qmin || y > qmax) saturated++;
    dst[i] = Math.min(Math.max(y, lo), hi);
  }
  if (overflow > 0) ctx.count('overflow', overflow);
  if (saturated > 0) ctx.count('saturated', saturated);
  return out;
}

import { type DType, type Kernel, type KernelContext, multiplyByFixedPoint, normalizeAxis, Tensor } from '@qtk/ir';
import { requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';
import { numberStorage } from '../kernels/storage.js';
import { channelIndexer } from './channelIndexer.js';
import { clampBounds, requantize } from './outputStage.js';

/** Integer Abs / Neg (see `IntegerAbs` in `@qtk/ir`): the exact sign operation, then one requantization. */
function rescaledUnaryKernel(f: (x: number) => number): Kernel {
  return (ctx: KernelContext) => {
    const x = requiredInput(ctx, 0);
    const src = numberStorage(x);
    const values = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) values[i] = f(src[i] as number);
    return [requantize(ctx, values, x.shape, 0, ctx.attrs.string('out_dtype') as DType)];
  };
}

/** Integer |x|, requantized. */
export const integerAbsKernel: Kernel = rescaledUnaryKernel(Math.abs);
/** Integer -x, requantized. */
export const integerNegKernel: Kernel = rescaledUnaryKernel((x) => -x);

/**
 * Integer PRelu (see `IntegerPRelu` in `@qtk/ir`): x >= 0 requantized by the positive side's
 * multiplier, x < 0 by its channel's (signed) negative multiplier; clamped, saturations counted.
 */
export const integerPReluKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const axis = normalizeAxis(ctx.attrs.int('axis'), x.rank);
  if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${x.rank}`);
  const [mPos, sPos] = [ctx.attrs.ints('multipliers')[0] as number, ctx.attrs.ints('shifts')[0] as number];
  const mNeg = ctx.attrs.ints('negative_multipliers');
  const sNeg = ctx.attrs.ints('negative_shifts');
  const channel = channelIndexer(x.shape, axis, mNeg.length);
  const dtype = ctx.attrs.string('out_dtype') as DType;
  const { lo, hi, qmin, qmax } = clampBounds(ctx, dtype);
  const src = numberStorage(x);
  const out = Tensor.zeros(dtype, x.shape);
  const dst = out.data as Int8Array | Int16Array;
  let saturated = 0;
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    const c = channel(i);
    const y =
      v >= 0 ? multiplyByFixedPoint(v, mPos, sPos) : multiplyByFixedPoint(v, mNeg[c] as number, sNeg[c] as number);
    if (y < qmin || y > qmax) saturated++;
    dst[i] = Math.min(Math.max(y, lo), hi);
  }
  if (saturated > 0) ctx.count('saturated', saturated);
  return [out];
};

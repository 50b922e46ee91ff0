import {
  type DType,
  type Kernel,
  type KernelContext,
  multiplyByFixedPoint,
  reducedShape,
  reductionAxes,
  stridesOf,
  Tensor,
} from '@qtk/ir';
import { requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';
import { numberStorage } from '../kernels/storage.js';
import { clampBounds } from './outputStage.js';

/** Sums over `axes` (exact), requantizes each sum with the node's multiplier and shift, clamps. */
function sumAndRequantize(ctx: KernelContext, x: Tensor, axes: readonly number[], keepdims: boolean): Tensor {
  const outShape = reducedShape(x.shape, axes, keepdims);
  const keptShape = reducedShape(x.shape, axes, true);
  const sums = new Float64Array(keptShape.reduce((a, b) => a * b, 1));
  const inStrides = stridesOf(x.shape);
  const outStrides = stridesOf(keptShape);
  const src = numberStorage(x);
  for (let i = 0; i < src.length; i++) {
    let rest = i;
    let o = 0;
    for (let k = 0; k < x.shape.length; k++) {
      const coord = Math.floor(rest / (inStrides[k] as number));
      rest -= coord * (inStrides[k] as number);
      if (!axes.includes(k)) o += coord * (outStrides[k] as number);
    }
    sums[o] = (sums[o] as number) + (src[i] as number);
  }
  const dtype = ctx.attrs.string('out_dtype') as DType;
  const { lo, hi, qmin, qmax } = clampBounds(ctx, dtype);
  const m = ctx.attrs.int('multiplier');
  const s = ctx.attrs.int('shift');
  const out = Tensor.zeros(dtype, outShape);
  const dst = out.data as Int8Array | Int16Array;
  let saturated = 0;
  for (let i = 0; i < sums.length; i++) {
    const y = multiplyByFixedPoint(sums[i] as number, m, s);
    if (y < qmin || y > qmax) saturated++;
    dst[i] = Math.min(Math.max(y, lo), hi);
  }
  if (saturated > 0) ctx.count('saturated', saturated);
  return out;
}

function integerInput(ctx: KernelContext): Tensor {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'int8' && x.dtype !== 'int16') throw nodeError(ctx, `input is ${x.dtype}, expected int8 or int16`);
  return x;
}

/** Integer GlobalAveragePool: spatial sums, requantized (1/count folded into the multiplier). */
export const integerGlobalAveragePoolKernel: Kernel = (ctx) => {
  const x = integerInput(ctx);
  const axes = x.shape.map((_, i) => i).slice(2);
  return [sumAndRequantize(ctx, x, axes, true)];
};

/**
 * Integer ReduceMean and ReduceSum: sums over the axes, requantized once (for a mean the 1/count
 * is folded into the multiplier, so both are the same arithmetic).
 */
export const integerReduceOverAxesKernel: Kernel = (ctx) => {
  const x = integerInput(ctx);
  const axes = reductionAxes(ctx.attrs.optionalInts('axes'), x.rank);
  if (!axes) throw nodeError(ctx, 'axes out of range');
  return [sumAndRequantize(ctx, x, axes, ctx.attrs.int('keepdims') !== 0)];
};

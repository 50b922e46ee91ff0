import {
  type ConcreteShape,
  dtypeInfo,
  isFloatDType,
  type Kernel,
  type KernelContext,
  numel,
  reducedShape,
  reductionAxesOf,
  Tensor,
} from '@qtk/ir';
import { forEachBroadcastRow } from './broadcast.js';
import { floatInput, integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import type { NumberStorage } from './storage.js';

/** What a reduction node reduces: its axes, the input's shape with them kept as 1s, and the output's. */
interface Reduction {
  readonly axes: readonly number[];
  readonly kept: number[];
  readonly outShape: number[];
}

/** The node's axes (its `axes` input when present, else its attribute) and the shapes they give. */
function reductionOf(ctx: KernelContext, x: Tensor): Reduction {
  const given = ctx.inputs[1] ? integerValues(ctx, 1, 'axes') : ctx.attrs.optionalInts('axes');
  const axes = reductionAxesOf(given, ctx.attrs.int('noop_with_empty_axes') !== 0, x.rank);
  if (!axes) throw nodeError(ctx, `axes ${JSON.stringify(given)} out of range for rank ${x.rank}`);
  const kept = reducedShape(x.shape, axes, true);
  return { axes, kept, outShape: ctx.attrs.int('keepdims') !== 0 ? kept : reducedShape(x.shape, axes, false) };
}

/**
 * The sums of `src` (of `shape`) into the cells of `kept` (the shape with the reduced dims as 1s),
 * in double. The reduced tensor broadcasts back onto the input, so the input is walked once in
 * memory order, each run adding into the sums it maps to.
 */
function sumInto(src: NumberStorage, shape: ConcreteShape, kept: ConcreteShape): Float64Array {
  const sums = new Float64Array(numel(kept));
  forEachBroadcastRow(shape, [kept], (o, offsets, n, steps) => {
    const s = steps[0];
    for (let k = 0, j = offsets[0]; k < n; k++, j += s) sums[j] += src[o + k];
  });
  return sums;
}

/** The largest (or smallest) element of each cell; NaN wins, as NumPy's max does. */
function extremaInto(src: NumberStorage, shape: ConcreteShape, kept: ConcreteShape, init: number, largest: boolean) {
  const acc = new Float64Array(numel(kept)).fill(init);
  forEachBroadcastRow(shape, [kept], (o, offsets, n, steps) => {
    const s = steps[0];
    if (largest) {
      for (let k = 0, j = offsets[0]; k < n; k++, j += s) {
        const v = src[o + k];
        if (v > acc[j] || Number.isNaN(v)) acc[j] = v;
      }
    } else {
      for (let k = 0, j = offsets[0]; k < n; k++, j += s) {
        const v = src[o + k];
        if (v < acc[j] || Number.isNaN(v)) acc[j] = v;
      }
    }
  });
  return acc;
}

/** The int64 sums or extrema of each cell, exact (BigInt): int64 data is index and shape arithmetic. */
function int64Into(src: BigInt64Array, shape: ConcreteShape, kept: ConcreteShape, kind: 'sum' | 'max' | 'min') {
  const acc = new BigInt64Array(numel(kept)).fill(kind === 'sum' ? 0n : kind === 'max' ? -(2n ** 63n) : 2n ** 63n - 1n);
  forEachBroadcastRow(shape, [kept], (o, offsets, n, steps) => {
    const s = steps[0];
    for (let k = 0, j = offsets[0]; k < n; k++, j += s) {
      const v = src[o + k];
      if (kind === 'sum') acc[j] += v;
      else if (kind === 'max' ? v > acc[j] : v < acc[j]) acc[j] = v;
    }
  });
  return acc;
}

/**
 * `values` (one per cell) as a tensor of `x`'s dtype and the output shape. Storing into an integer
 * array keeps the low bits, so integer sums wrap around as C's do.
 */
function reducedTensor(x: Tensor, r: Reduction, values: Float64Array | BigInt64Array): Tensor {
  const out = Tensor.zeros(x.dtype, r.outShape);
  (out.data as Float64Array | BigInt64Array).set(values as never);
  return out;
}

/** The largest (or smallest) element of each cell of `kept`, for any dtype. */
function extremaOf(x: Tensor, kept: ConcreteShape, largest: boolean): Float64Array | BigInt64Array {
  if (x.data instanceof BigInt64Array) return int64Into(x.data, x.shape, kept, largest ? 'max' : 'min');
  const info = dtypeInfo(x.dtype);
  // An empty reduction gives the identity of max or min: -inf / +inf for floats (ONNX, opset 18).
  const init = isFloatDType(x.dtype) ? (largest ? -Infinity : Infinity) : largest ? info.min : info.max;
  return extremaInto(x.data, x.shape, kept, init, largest);
}

function extremumKernel(largest: boolean): Kernel {
  return (ctx) => {
    const x = requiredInput(ctx, 0);
    const r = reductionOf(ctx, x);
    return [reducedTensor(x, r, extremaOf(x, r.kept, largest))];
  };
}

/** The largest element over the axes; NaN propagates. Every numeric dtype and bool. */
export const reduceMaxKernel: Kernel = extremumKernel(true);

/** The smallest element over the axes; NaN propagates. Every numeric dtype and bool. */
export const reduceMinKernel: Kernel = extremumKernel(false);

/**
 * The sum over the axes, in double for all dtypes but int64 (exact BigInt); integer sums wrap to
 * their dtype as onnxruntime's do.
 */
export const reduceSumKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype === 'bool') throw nodeError(ctx, 'input is bool, expected a numeric dtype');
  const r = reductionOf(ctx, x);
  if (x.data instanceof BigInt64Array) return [reducedTensor(x, r, int64Into(x.data, x.shape, r.kept, 'sum'))];
  return [reducedTensor(x, r, sumInto(x.data, x.shape, r.kept))];
};

/** The mean over the axes, summed in double. */
export const reduceMeanKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  const r = reductionOf(ctx, x);
  const sums = sumInto(x.data, x.shape, r.kept);
  const count = numel(r.axes.map((a) => x.shape[a]));
  for (let i = 0; i < sums.length; i++) sums[i] /= count;
  return [reducedTensor(x, r, sums)];
};

/** GlobalMaxPool: the largest element of each (n, c) plane, kept as N x C x 1 x ...; any dtype. */
export const globalMaxPoolKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.rank < 3) throw nodeError(ctx, `input must be N x C x spatial..., got rank ${x.rank}`);
  const kept = [x.shape[0], x.shape[1], ...x.shape.slice(2).map(() => 1)];
  return [reducedTensor(x, { axes: [], kept, outShape: kept }, extremaOf(x, kept, true))];
};

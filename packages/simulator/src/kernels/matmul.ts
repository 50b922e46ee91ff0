import { formatShape, type Kernel, type KernelContext, numel, Tensor } from '@qtk/ir';
import { broadcastConcrete, broadcastStrides, forEachBroadcastRow } from './broadcast.js';
import { floatGemmKernel } from './floatGemmKernel.js';
import { floatInput, optionalInput } from './kernelInputs.js';
import { accumulateProduct, accumulateProductTransposed } from './matrixProduct.js';
import { nodeError } from './nodeError.js';
import { numberStorage } from './storage.js';

/**
 * NumPy matmul: batched over the leading dims (broadcasting), a 1-D first operand is a row vector
 * and a 1-D second one a column vector, their unit dim dropped from the result.
 */
export const matMulKernel: Kernel = (ctx) => {
  const a = floatInput(ctx, 0);
  const b = floatInput(ctx, 1);
  if (a.dtype !== b.dtype) throw nodeError(ctx, `input dtypes differ: ${a.dtype} and ${b.dtype}`);
  const { acc, shape } = matMulAccumulate(ctx, a, b);
  const out = Tensor.zeros(a.dtype, shape);
  out.data.set(acc);
  return [out];
};

/**
 * NumPy matmul's sums in double, for any numeric dtypes (exact for integer operands up to 16 bits:
 * the integer kernels reuse it), with the output shape.
 */
export function matMulAccumulate(ctx: KernelContext, a: Tensor, b: Tensor): { acc: Float64Array; shape: number[] } {
  if (a.rank === 0 || b.rank === 0) throw nodeError(ctx, 'inputs must have at least one dim');
  const as = a.rank === 1 ? [1, a.shape[0]] : a.shape;
  const bs = b.rank === 1 ? [b.shape[0], 1] : b.shape;
  const m = as[as.length - 2];
  const k = as[as.length - 1];
  const n = bs[bs.length - 1];
  if (bs[bs.length - 2] !== k)
    throw nodeError(ctx, `inner dims differ: ${formatShape(a.shape)} x ${formatShape(b.shape)}`);
  const aBatch = as.slice(0, -2);
  const bBatch = bs.slice(0, -2);
  const batch = broadcastConcrete(aBatch, bBatch);
  if (!batch) {
    throw nodeError(ctx, `batch dims of ${formatShape(a.shape)} and ${formatShape(b.shape)} do not broadcast`);
  }
  const shape = [...batch];
  if (a.rank > 1) shape.push(m);
  if (b.rank > 1) shape.push(n);
  const all = new Float64Array(numel(shape));
  const acc = new Float64Array(m * n);
  const aData = numberStorage(a);
  const bData = numberStorage(b);
  let o = 0;
  const product = (aIndex: number, bIndex: number) => {
    acc.fill(0);
    accumulateProduct(acc, aData, aIndex * m * k, bData, bIndex * k * n, m, k, n);
    all.set(acc, o);
    o += m * n;
  };
  if (batch.length === 0) {
    product(0, 0);
  } else {
    forEachBroadcastRow(batch, [aBatch, bBatch], (_, offsets, count, steps) => {
      for (let r = 0; r < count; r++) product(offsets[0] + r * steps[0], offsets[1] + r * steps[1]);
    });
  }
  return { acc: all, shape };
}

/** PyTorch's Linear: y = x Wᵀ + b over the last dim of x, W `[out, in]`. */
export const linearKernel: Kernel = floatGemmKernel(linearAccumulate);

/** Linear's sums `x Wᵀ + b` in double, for any numeric dtypes (the integer Linear reuses it). */
export function linearAccumulate(
  ctx: KernelContext,
  x: Tensor,
  w: Tensor,
  bias: Tensor | undefined,
): { acc: Float64Array; shape: number[] } {
  if (w.rank !== 2) throw nodeError(ctx, `weight must be 2-D [out, in], got ${formatShape(w.shape)}`);
  const [n, k] = w.shape;
  if (x.rank < 1 || x.shape[x.rank - 1] !== k) {
    throw nodeError(ctx, `input ${formatShape(x.shape)} does not end in the weight's in = ${k}`);
  }
  if (bias && (bias.rank !== 1 || bias.size !== n)) {
    throw nodeError(ctx, `bias must be [${n}], got ${formatShape(bias.shape)}`);
  }
  const m = numel(x.shape.slice(0, -1));
  const acc = new Float64Array(m * n);
  if (bias) {
    const b = numberStorage(bias);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) acc[i * n + j] = b[j];
  }
  accumulateProductTransposed(acc, numberStorage(x), 0, numberStorage(w), 0, m, k, n);
  return { acc, shape: [...x.shape.slice(0, -1), n] };
}

/** ONNX Gemm: alpha · A′B′ + beta · C, A′/B′ optionally transposed, C broadcast to [M, N]. */
export const gemmKernel: Kernel = (ctx) => {
  const a = floatInput(ctx, 0);
  const b = floatInput(ctx, 1);
  const c = optionalInput(ctx, 2) ? floatInput(ctx, 2) : undefined;
  if (a.rank !== 2 || b.rank !== 2) {
    throw nodeError(ctx, `A and B must be 2-D, got ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  }
  const transA = ctx.attrs.int('transA') !== 0;
  const transB = ctx.attrs.int('transB') !== 0;
  const [m, k] = transA ? [a.shape[1], a.shape[0]] : a.shape;
  const [kb, n] = transB ? [b.shape[1], b.shape[0]] : b.shape;
  if (k !== kb) throw nodeError(ctx, `inner dims differ: A ${formatShape(a.shape)}, B ${formatShape(b.shape)}`);
  let aData = a.data;
  if (transA) {
    const t = new Float64Array(m * k);
    for (let p = 0; p < k; p++) for (let i = 0; i < m; i++) t[i * k + p] = a.data[p * m + i];
    aData = t;
  }
  const acc = new Float64Array(m * n);
  if (transB) accumulateProductTransposed(acc, aData, 0, b.data, 0, m, k, n);
  else accumulateProduct(acc, aData, 0, b.data, 0, m, k, n);
  const alpha = ctx.attrs.float('alpha');
  const beta = ctx.attrs.float('beta');
  const out = Tensor.zeros(a.dtype, [m, n]);
  const dst = out.data;
  if (c) {
    const fits = broadcastConcrete(c.shape, [m, n]);
    if (!fits || fits[0] !== m || fits[1] !== n || c.rank > 2) {
      throw nodeError(ctx, `C ${formatShape(c.shape)} does not broadcast to [${m},${n}]`);
    }
    const [si, sj] = broadcastStrides(c.shape, [m, n]);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) dst[i * n + j] = alpha * acc[i * n + j] + beta * c.data[i * si + j * sj];
    }
  } else {
    for (let i = 0; i < m * n; i++) dst[i] = alpha * acc[i];
  }
  return [out];
};

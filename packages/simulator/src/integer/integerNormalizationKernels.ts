import { type DType, type Kernel, multiplyByFixedPoint, normalizeAxis, numel, Tensor } from '@qtk/ir';
import { requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';
import { numberStorage } from '../kernels/storage.js';
import { normalizeIntegerRow, rowNormalization } from './integerRowNormalization.js';
import { clampBounds } from './outputStage.js';

/** Integer LayerNorm (see `IntegerLayerNorm` in `@qtk/ir` for the arithmetic). */
export const integerLayerNormKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'int8' && x.dtype !== 'int16') throw nodeError(ctx, `input is ${x.dtype}, expected int8 or int16`);
  const axis = normalizeAxis(ctx.attrs.int('axis'), x.rank);
  if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} is out of range`);
  const d = numel(x.shape.slice(axis));
  const rows = numel(x.shape.slice(0, axis));
  const gamma = ctx.inputs[1] ? numberStorage(ctx.inputs[1]) : undefined;
  const beta = ctx.inputs[2] ? numberStorage(ctx.inputs[2]) : undefined;
  if ((gamma && gamma.length !== d) || (beta && beta.length !== d))
    throw nodeError(ctx, `gamma and beta must have ${d} values`);
  const arithmetic = rowNormalization(ctx);
  const src = numberStorage(x);
  const out = Tensor.zeros(ctx.attrs.string('out_dtype') as DType, x.shape);
  const dst = out.data as Int8Array | Int16Array;
  const g = gamma && { data: gamma, offset: 0, stride: 1 };
  const b = beta && { data: beta, offset: 0, stride: 1 };
  let saturated = 0;
  for (let r = 0; r < rows; r++) saturated += normalizeIntegerRow(arithmetic, src, dst, r * d, d, g, b);
  if (saturated > 0) ctx.count('saturated', saturated);
  return [out];
};

/** Integer Softmax (see `IntegerSoftmax` in `@qtk/ir` for the arithmetic). */
export const integerSoftmaxKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'int8' && x.dtype !== 'int16') throw nodeError(ctx, `input is ${x.dtype}, expected int8 or int16`);
  const axis = normalizeAxis(ctx.attrs.int('axis'), x.rank);
  if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} is out of range`);
  const n = x.shape[axis] as number;
  const inner = numel(x.shape.slice(axis + 1));
  const outer = numel(x.shape.slice(0, axis));
  const table = ctx.attrs.ints('pow2_table');
  const me = ctx.attrs.int('exp_multiplier');
  const se = ctx.attrs.int('exp_shift');
  const rOut = ctx.attrs.int('out_multiplier');
  const dtype = ctx.attrs.string('out_dtype') as DType;
  const { lo, hi } = clampBounds(ctx, dtype);
  const src = numberStorage(x);
  const out = Tensor.zeros(dtype, x.shape);
  const dst = out.data as Int8Array | Int16Array;
  const e = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let q = 0; q < inner; q++) {
      const at = (i: number) => (o * n + i) * inner + q;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) max = Math.max(max, src[at(i)] as number);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const u = multiplyByFixedPoint((src[at(i)] as number) - max, me, se);
        const k = Math.floor(u / 65536);
        const f = u - k * 65536;
        const j = f >> 8;
        const t0 = table[j] as number;
        const v = t0 + Math.floor((((table[j + 1] as number) - t0) * (f & 255) + 128) / 256);
        e[i] = -k >= 31 ? 0 : Math.floor(v / 2 ** -k);
        sum += e[i] as number;
      }
      for (let i = 0; i < n; i++) {
        const y = Math.floor(((e[i] as number) * rOut + sum * 32768) / (sum * 65536));
        dst[at(i)] = Math.min(Math.max(y, lo), hi);
      }
    }
  }
  return [out];
};

/**
 * Integer InstanceNorm (see `IntegerInstanceNorm` in `@qtk/ir`): the integer LayerNorm arithmetic
 * on each image and channel's spatial values, gamma and beta read per channel.
 */
export const integerInstanceNormKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'int8' && x.dtype !== 'int16') throw nodeError(ctx, `input is ${x.dtype}, expected int8 or int16`);
  if (x.rank < 3) throw nodeError(ctx, `input must be N x C x D1 x ..., got [${x.shape.join(',')}]`);
  const channels = x.shape[1] as number;
  const d = numel(x.shape.slice(2));
  const rows = (x.shape[0] as number) * channels;
  const gamma = ctx.inputs[1] ? numberStorage(ctx.inputs[1]) : undefined;
  const beta = ctx.inputs[2] ? numberStorage(ctx.inputs[2]) : undefined;
  if ((gamma && gamma.length !== channels) || (beta && beta.length !== channels))
    throw nodeError(ctx, `gamma and beta must have ${channels} values`);
  const arithmetic = rowNormalization(ctx);
  const src = numberStorage(x);
  const out = Tensor.zeros(ctx.attrs.string('out_dtype') as DType, x.shape);
  const dst = out.data as Int8Array | Int16Array;
  let saturated = 0;
  for (let r = 0; r < rows; r++) {
    const c = r % channels;
    const g = gamma && { data: gamma, offset: c, stride: 0 };
    const b = beta && { data: beta, offset: c, stride: 0 };
    saturated += normalizeIntegerRow(arithmetic, src, dst, r * d, d, g, b);
  }
  if (saturated > 0) ctx.count('saturated', saturated);
  return [out];
};

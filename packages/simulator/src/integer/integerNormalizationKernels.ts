import { type DType, type Kernel, multiplyByFixedPoint, normalizeAxis, numel, Tensor } from '@qtk/ir';
import { requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';
import { numberStorage } from '../kernels/storage.js';
import { clampBounds } from './outputStage.js';

/** floor(sqrt(n)) of a non-negative BigInt, by Newton's iteration. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // The float estimate is within a few units; settle it exactly.
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

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
  const eps = BigInt(ctx.attrs.int('epsilon_int'));
  const m = BigInt(ctx.attrs.int('multiplier'));
  const f = ctx.attrs.int('frac_bits');
  const down = BigInt(48 + ctx.attrs.int('shift') - f);
  const halfDown = down > 0n ? 1n << (down - 1n) : 0n;
  const dtype = ctx.attrs.string('out_dtype') as DType;
  const { lo, hi, qmin, qmax } = clampBounds(ctx, dtype);
  const half = f > 0 ? 2 ** (f - 1) : 0;
  const scale = 2 ** f;
  const src = numberStorage(x);
  const out = Tensor.zeros(dtype, x.shape);
  const dst = out.data as Int8Array | Int16Array;
  let saturated = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * d;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < d; i++) {
      const v = src[base + i] as number;
      s1 += v;
      s2 += v * v;
    }
    let variance = BigInt(d) * BigInt(s2) - BigInt(s1) * BigInt(s1) + eps;
    if (variance < 1n) variance = 1n;
    const rstd = isqrt((1n << 96n) / variance) * m;
    for (let i = 0; i < d; i++) {
      const c = BigInt(d * (src[base + i] as number) - s1) * (gamma ? BigInt(gamma[i] as number) : 1n);
      const t = Number((c * rstd + halfDown) >> down) + (beta ? (beta[i] as number) : 0);
      const y = Math.floor((t + half) / scale);
      if (y < qmin || y > qmax) saturated++;
      dst[base + i] = Math.min(Math.max(y, lo), hi);
    }
  }
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

import type { DType, KernelContext } from '@qtk/ir';
import type { NumberStorage } from '../kernels/storage.js';
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

/** The constants of the integer LayerNorm arithmetic (see `IntegerLayerNorm` in `@qtk/ir`), read once per node. */
export interface RowNormalization {
  readonly eps: bigint;
  readonly multiplier: bigint;
  /** 48 + shift - frac_bits, and half of 2^that (rounding half up). */
  readonly down: bigint;
  readonly halfDown: bigint;
  readonly half: number;
  readonly scale: number;
  readonly lo: number;
  readonly hi: number;
  readonly qmin: number;
  readonly qmax: number;
}

/** Reads a node's integer normalization attributes (LayerNorm, InstanceNorm). */
export function rowNormalization(ctx: KernelContext): RowNormalization {
  const f = ctx.attrs.int('frac_bits');
  const down = BigInt(48 + ctx.attrs.int('shift') - f);
  return {
    eps: BigInt(ctx.attrs.int('epsilon_int')),
    multiplier: BigInt(ctx.attrs.int('multiplier')),
    down,
    halfDown: down > 0n ? 1n << (down - 1n) : 0n,
    half: f > 0 ? 2 ** (f - 1) : 0,
    scale: 2 ** f,
    ...clampBounds(ctx, ctx.attrs.string('out_dtype') as DType),
  };
}

/**
 * Normalizes the `d` values of one row, `src[base .. base + d)`, into `dst`: exact statistics, the
 * integer inverse square root, then gamma and beta read at `offset + i * stride` (a LayerNorm's
 * per-element parameters have stride 1, an InstanceNorm's per-channel ones stride 0). Returns how
 * many results left the dtype's range (clamped, counted as saturations).
 */
export function normalizeIntegerRow(
  a: RowNormalization,
  src: NumberStorage,
  dst: Int8Array | Int16Array,
  base: number,
  d: number,
  gamma: { readonly data: NumberStorage; readonly offset: number; readonly stride: number } | undefined,
  beta: { readonly data: NumberStorage; readonly offset: number; readonly stride: number } | undefined,
): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < d; i++) {
    const v = src[base + i] as number;
    s1 += v;
    s2 += v * v;
  }
  let variance = BigInt(d) * BigInt(s2) - BigInt(s1) * BigInt(s1) + a.eps;
  if (variance < 1n) variance = 1n;
  const rstd = isqrt((1n << 96n) / variance) * a.multiplier;
  let saturated = 0;
  for (let i = 0; i < d; i++) {
    const g = gamma ? BigInt(gamma.data[gamma.offset + i * gamma.stride] as number) : 1n;
    const c = BigInt(d * (src[base + i] as number) - s1) * g;
    const b = beta ? (beta.data[beta.offset + i * beta.stride] as number) : 0;
    const t = Number((c * rstd + a.halfDown) >> a.down) + b;
    const y = Math.floor((t + a.half) / a.scale);
    if (y < a.qmin || y > a.qmax) saturated++;
    dst[base + i] = Math.min(Math.max(y, a.lo), a.hi);
  }
  return saturated;
}

import type { Tensor } from '@qtk/ir';
import { expect } from 'vitest';

/** Largest absolute elementwise difference of two same-shaped tensors (they must agree in shape). */
export function maxAbsDiff(a: Tensor, b: Tensor): number {
  expect([...a.shape]).toEqual([...b.shape]);
  let max = 0;
  for (let i = 0; i < a.size; i++) {
    const x = Number(a.data[i]);
    const y = Number(b.data[i]);
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.POSITIVE_INFINITY;
    if (!Number.isNaN(x)) max = Math.max(max, Math.abs(x - y));
  }
  return max;
}

/** The largest {@link maxAbsDiff} over the outputs both runs give (which must be the same names). */
export function maxOutputDiff(a: Record<string, Tensor>, b: Record<string, Tensor>): number {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  return Math.max(0, ...Object.keys(a).map((k) => maxAbsDiff(a[k] as Tensor, b[k] as Tensor)));
}

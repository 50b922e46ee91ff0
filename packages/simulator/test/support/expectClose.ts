import { formatShape, isFloatDType, type Tensor } from '@qtk/ir';
import { expect } from 'vitest';

/** Largest absolute and relative differences between two float tensors of the same shape. */
export interface Difference {
  maxAbs: number;
  /** Largest |a - b| / max(|b|, 1): relative for large values, absolute near zero. */
  maxScaled: number;
}

export function difference(actual: Tensor, expected: Tensor): Difference {
  const a = actual.toNumbers();
  const b = expected.toNumbers();
  let maxAbs = 0;
  let maxScaled = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue; // also equal infinities
    const d = Math.abs(x - y);
    maxAbs = Math.max(maxAbs, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d);
    maxScaled = Math.max(maxScaled, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d / Math.max(Math.abs(y), 1));
  }
  return { maxAbs, maxScaled };
}

/**
 * Expects the same dtype and shape, integers (and bools) exactly equal, and floats within `rtol`
 * of the expected value relative to max(|expected|, 1). Returns the measured difference.
 */
export function expectClose(actual: Tensor | undefined, expected: Tensor, rtol: number, what: string): Difference {
  expect(actual, `${what}: missing`).toBeDefined();
  const t = actual as Tensor;
  expect(`${t.dtype}${formatShape(t.shape)}`, what).toBe(`${expected.dtype}${formatShape(expected.shape)}`);
  if (!isFloatDType(expected.dtype)) {
    expect(Array.from(t.data as ArrayLike<number | bigint>), what).toEqual(
      Array.from(expected.data as ArrayLike<number | bigint>),
    );
    return { maxAbs: 0, maxScaled: 0 };
  }
  const d = difference(t, expected);
  expect(d.maxScaled, `${what}: largest difference ${d.maxAbs} (scaled ${d.maxScaled})`).toBeLessThanOrEqual(rtol);
  return d;
}

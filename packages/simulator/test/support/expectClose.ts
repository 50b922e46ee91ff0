import type { Tensor } from '@qtk/ir';
import { type TensorDifference, tensorDifference } from '@qtk/test-fixtures';
import { expect } from 'vitest';

/** Largest differences between two float tensors of the same shape (see `tensorDifference`). */
export type Difference = Pick<TensorDifference, 'maxAbs' | 'maxScaled'>;

export function difference(actual: Tensor, expected: Tensor): Difference {
  return tensorDifference(actual, expected);
}

/**
 * Expects the same dtype and shape, integers (and bools) exactly equal, and floats within `rtol`
 * of the expected value relative to max(|expected|, 1). Returns the measured difference.
 */
export function expectClose(actual: Tensor | undefined, expected: Tensor, rtol: number, what: string): Difference {
  expect(actual, `${what}: missing`).toBeDefined();
  const d = tensorDifference(actual as Tensor, expected);
  expect(d.mismatch, what).toBeUndefined();
  expect(d.maxScaled, `${what}: largest difference ${d.maxAbs} (scaled ${d.maxScaled})`).toBeLessThanOrEqual(rtol);
  return d;
}

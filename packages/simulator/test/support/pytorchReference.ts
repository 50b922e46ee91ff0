import type { Tensor } from '@qtk/ir';
import { fixturePath, readFixtureNpy } from '@qtk/test-fixtures';
import { expect } from 'vitest';
import { difference } from './expectClose.js';
import { tensorFromFixture } from './tensorConversion.js';

/** A fixture `.npy` file as a tensor. */
export const fixtureTensor = (name: string): Tensor => tensorFromFixture(readFixtureNpy(fixturePath(name)));

/**
 * Expects `actual` to have the reference's shape and to be within `tolerance` of it (absolute);
 * prints the largest absolute error measured and returns it.
 */
export function expectMatchesPyTorch(
  what: string,
  actual: Tensor | undefined,
  expected: Tensor,
  tolerance: number,
): number {
  expect(actual?.shape, what).toEqual(expected.shape);
  const { maxAbs } = difference(actual as Tensor, expected);
  console.log(`${what}: largest absolute error ${maxAbs.toExponential(2)} (tolerance ${tolerance})`);
  expect(maxAbs, `${what}: largest absolute error ${maxAbs}`).toBeLessThanOrEqual(tolerance);
  return maxAbs;
}

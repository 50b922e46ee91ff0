import { erf } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Independent truth: erf from its Maclaurin series in exact binary fixed point (BigInt, 256
// fraction bits), erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)), with pi from Machin's
// formula pi = 16 atan(1/5) - 4 atan(1/239). Nothing here shares code or constants with the kernel.
const BITS = 256n;
const ONE = 1n << BITS;

function atanInverse(k: bigint): bigint {
  // atan(1/k) = sum_n (-1)^n / ((2n+1) k^(2n+1))
  let power = ONE / k;
  let sum = 0n;
  for (let n = 0n; power !== 0n; n++) {
    sum += (n % 2n === 0n ? 1n : -1n) * (power / (2n * n + 1n));
    power /= k * k;
  }
  return sum;
}

function isqrt(v: bigint): bigint {
  let x = v;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + v / x) / 2n;
  }
  return x;
}

const PI = 16n * atanInverse(5n) - 4n * atanInverse(239n);
const SQRT_PI = isqrt(PI * ONE);

/** erf(k / 2^40) to about 2^-200. */
function referenceErf(k: number): number {
  const x = BigInt(k) << (BITS - 40n);
  const x2 = (x * x) >> BITS;
  let term = x; // (-1)^n x^(2n+1) / n!
  let sum = 0n;
  for (let n = 1n; term !== 0n; n++) {
    sum += term / (2n * n - 1n);
    term = -((term * x2) >> BITS) / n;
  }
  const result = (2n * sum * ONE) / SQRT_PI;
  return Number(result >> (BITS - 100n)) / 2 ** 100;
}

describe('erf', () => {
  it('agrees with an exact series evaluation to ~1e-15 relative over [-6, 6]', () => {
    let worst = 0;
    fc.assert(
      fc.property(fc.integer({ min: -6 * 2 ** 40, max: 6 * 2 ** 40 }), (k) => {
        const x = k / 2 ** 40;
        const ref = referenceErf(k);
        const err = ref === 0 ? Math.abs(erf(x)) : Math.abs(erf(x) - ref) / Math.abs(ref);
        worst = Math.max(worst, err);
        expect(err, `erf(${x}) = ${erf(x)}, reference ${ref}`).toBeLessThanOrEqual(1e-15);
      }),
      { numRuns: 2000 },
    );
    console.log(`erf: largest relative error against the series over 2000 points: ${worst.toExponential(2)}`);
  });

  it('is accurate at the boundaries of its three approximations and in the tails', () => {
    for (const x of [2 ** -30, 0.25, 0.46875, 0.46875 + 2 ** -40, 1, 2, 4 - 2 ** -40, 4, 4 + 2 ** -40, 5.5]) {
      const k = Math.round(x * 2 ** 40);
      expect(Math.abs(erf(k / 2 ** 40) - referenceErf(k))).toBeLessThanOrEqual(1e-15 * referenceErf(k));
    }
  });

  it('matches tabulated values (Abramowitz & Stegun, table 7.1, 10 digits)', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 10);
    expect(erf(1)).toBeCloseTo(0.8427007929, 10);
    expect(erf(1.5)).toBeCloseTo(0.9661051465, 10);
    expect(erf(2)).toBeCloseTo(0.995322265, 10);
  });

  it('is odd, saturates at +-1 and keeps NaN', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (x) => erf(-x) === -erf(x)));
    expect(erf(0)).toBe(0);
    expect(erf(30)).toBe(1);
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erf(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(erf(Number.NaN)).toBeNaN();
  });
});

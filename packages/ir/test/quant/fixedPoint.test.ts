import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiplyByFixedPoint, quantizeMultiplier, roundHalfToEven } from '../../src/index.js';

/** The exact result with BigInt arithmetic (an independent reference). */
function reference(x: number, m: number, shift: number): number {
  const p = BigInt(x) * BigInt(m);
  if (shift === 0) return Number(p);
  const num = p + (1n << BigInt(shift - 1));
  // BigInt division truncates toward zero: floor for negatives by hand.
  const d = 1n << BigInt(shift);
  let q = num / d;
  if (num % d !== 0n && num < 0n) q -= 1n;
  return Number(q);
}

describe('quantizeMultiplier', () => {
  it('normalizes the multiplier to [2^30, 2^31) (hand-computed cases)', () => {
    expect(quantizeMultiplier(0.5)).toEqual({ multiplier: 2 ** 30, shift: 31 });
    expect(quantizeMultiplier(1)).toEqual({ multiplier: 2 ** 30, shift: 30 });
    expect(quantizeMultiplier(0.75)).toEqual({ multiplier: 3 * 2 ** 29, shift: 31 });
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
    expect(() => quantizeMultiplier(2 ** 40)).toThrow(/out of the representable range/);
    expect(() => quantizeMultiplier(Number.NaN, 'linear1')).toThrow(/linear1: ratio NaN/);
  });

  it('property: multiplier / 2^shift is within 2^-31 (relative) of the ratio', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -30, max: 2 ** 20, noNaN: true }), (r) => {
        const { multiplier, shift } = quantizeMultiplier(r);
        expect(multiplier).toBeGreaterThanOrEqual(2 ** 30);
        expect(multiplier).toBeLessThan(2 ** 31);
        expect(Math.abs(multiplier / 2 ** shift - r) / r).toBeLessThanOrEqual(2 ** -31);
      }),
    );
  });
});

describe('multiplyByFixedPoint', () => {
  it('rounds half up (BPU round), hand-computed', () => {
    // 0.5 = 2^30 / 2^31: 5 * 0.5 = 2.5 -> 3; -5 * 0.5 = -2.5 -> -2; 7 * 0.5 = 3.5 -> 4
    expect([5, -5, 7, -7, 4].map((x) => multiplyByFixedPoint(x, 2 ** 30, 31))).toEqual([3, -2, 4, -3, 2]);
    expect(multiplyByFixedPoint(-3, 5, 0)).toBe(-15);
    expect(multiplyByFixedPoint(1000, 3 * 2 ** 29, 31)).toBe(750);
  });

  it('property: exact against BigInt arithmetic for 32-bit inputs, 31-bit multipliers and every shift', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 62 }),
        (x, m, s) => {
          expect(multiplyByFixedPoint(x, m, s)).toBe(reference(x, m, s));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('property: requantization stays within 1 LSB of float requantization', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 24), max: 2 ** 24 }),
        fc.double({ min: 1e-6, max: 4, noNaN: true }),
        (acc, ratio) => {
          const { multiplier, shift } = quantizeMultiplier(ratio);
          const fixed = multiplyByFixedPoint(acc, multiplier, shift);
          expect(Math.abs(fixed - roundHalfToEven(acc * ratio))).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

import { type AttributeValue, quantizeMultiplier } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IntegerOperand, int8, int16, int32, runIntegerOp } from '../support/integerOp.js';
import { quantizedRowNormalization } from '../support/rowNormalizationReference.js';

const runOne = (inputs: IntegerOperand[], attrs: Record<string, AttributeValue>) =>
  runIntegerOp('InstanceNorm', inputs, attrs);

describe('qtk::InstanceNorm', () => {
  it('normalizes each image and channel, gamma and beta per channel (hand-computed)', () => {
    // channel 0: [-2, 2] -> mean 0, D^2 var = 2 * 8 - 0 = 16 -> c = 2 x = [-4, 4], r = 2^48 / 4:
    // normalized [-1, 1]; gamma 3 at multiplier 1 (shift 0), beta 0 -> [-3, 3]
    // channel 1: [1, 3] -> [-1, 1] x 2 + beta 5 -> [3, 7]
    const one = quantizeMultiplier(1);
    const y = runOne(
      [int8([1, 2, 2], [-2, 2, 1, 3]), { constant: int16([2], [3, 2]) }, { constant: int32([2], [0, 5]) }],
      {
        multiplier: one.multiplier,
        shift: one.shift,
        frac_bits: 0,
        out_dtype: 'int8',
      },
    ).y;
    expect(y.toNumbers()).toEqual([-3, 3, 3, 7]);
  });

  it('property: within 1 LSB of the float InstanceNorm of the same integers (int8 and int16, batch 2)', () => {
    fc.assert(
      fc.property(
        fc.record({
          int16: fc.boolean(),
          channels: fc.integer({ min: 1, max: 4 }),
          spatial: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 9 })),
          seed: fc.integer({ min: 0, max: 2 ** 30 }),
        }),
        (p) => {
          let s = p.seed;
          const next = () => {
            s = (s * 1103515245 + 12345) % 2147483648;
            return s / 2147483648;
          };
          const [lo, hi] = p.int16 ? [-32768, 32767] : [-128, 127];
          const d = p.spatial[0] * p.spatial[1];
          const shape = [2, p.channels, ...p.spatial];
          const spread = 0.05 + next();
          const xs = Array.from({ length: 2 * p.channels * d }, () =>
            Math.max(lo, Math.min(hi, Math.round((next() - 0.5) * spread * (hi - lo)))),
          );
          const sx = p.int16 ? 0.0004 : 0.05;
          const so = p.int16 ? 0.0002 : 0.03;
          const gammaReal = Array.from({ length: p.channels }, () => 0.25 + next());
          const betaReal = Array.from({ length: p.channels }, () => next() - 0.5);
          const q = quantizedRowNormalization(gammaReal, betaReal, sx, so, d);
          const { y } = runOne(
            [
              p.int16 ? int16(shape, xs) : int8(shape, xs),
              { constant: int16([p.channels], q.gamma) },
              { constant: int32([p.channels], q.beta) },
            ],
            { ...q.attrs, out_dtype: p.int16 ? 'int16' : 'int8' },
          );
          const got = y.toNumbers();
          for (let r = 0; r < 2 * p.channels; r++) {
            const c = r % p.channels;
            q.expected(xs.slice(r * d, (r + 1) * d), () => c, lo, hi).forEach((ref, i) => {
              expect(Math.abs((got[r * d + i] as number) - ref), `row ${r} element ${i}`).toBeLessThanOrEqual(1);
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names gamma of the wrong size', () => {
    expect(() =>
      runOne([int8([1, 2, 2], [1, 2, 3, 4]), { constant: int16([3], [1, 1, 1]) }], {
        multiplier: 1 << 30,
        shift: 30,
        out_dtype: 'int8',
      }),
    ).toThrow(/gamma must be \[2\], got \[3\]/);
  });
});

import { multiplyByFixedPoint, quantizeMultiplier } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { int8, int16, runIntegerOp } from '../support/integerOp.js';

const fixed = (r: number) => quantizeMultiplier(r);

describe('qtk::Max and qtk::Min', () => {
  it('rescale each input to the output scale, pick, round half up, clamp', () => {
    // a at scale 1, b at scale 0.5, output scale 1, 4 fractional bits: b/2 rescaled
    const one = fixed(16);
    const half = fixed(8);
    const attrs = {
      out_dtype: 'int8',
      multipliers: [one.multiplier, half.multiplier],
      shifts: [one.shift, half.shift],
      frac_bits: 4,
    };
    // max(3, 7/2 = 3.5) = 3.5 -> 4; max(-5, -3/2) = -1.5 -> -1 (half up); max(100, 255/2) -> 127.5 -> 127 (saturates)
    const a = int8([3], [3, -5, 100]);
    const b = int16([3], [7, -3, 255]);
    const max = runIntegerOp('Max', [a, b], attrs);
    expect(max.y.toNumbers()).toEqual([4, -1, 127]);
    expect(max.events).toEqual({ saturated: 1 });
    // min(3, 3.5) = 3; min(-5, -1.5) = -5; min(100, 127.5) = 100
    expect(runIntegerOp('Min', [a, b], attrs).y.toNumbers()).toEqual([3, -5, 100]);
  });

  it('broadcast any number of inputs', () => {
    const unit = fixed(1);
    const attrs = {
      out_dtype: 'int16',
      multipliers: [unit.multiplier, unit.multiplier, unit.multiplier],
      shifts: [unit.shift, unit.shift, unit.shift],
      frac_bits: 0,
    };
    const y = runIntegerOp('Max', [int8([2, 1], [1, 9]), int8([3], [0, 5, 2]), int8([], [3])], attrs).y;
    expect(y.dtype).toBe('int16');
    expect(y.shape).toEqual([2, 3]);
    expect(y.toNumbers()).toEqual([3, 5, 3, 9, 9, 9]);
  });
});

describe('qtk::Abs and qtk::Neg', () => {
  it('take |x| or -x exactly, then requantize (half up) and clamp', () => {
    const r = fixed(0.5);
    const attrs = { out_dtype: 'int8', multipliers: [r.multiplier], shifts: [r.shift] };
    // |-5| / 2 = 2.5 -> 3; |-128| / 2 = 64; 3 / 2 = 1.5 -> 2
    expect(runIntegerOp('Abs', [int8([3], [-5, -128, 3])], attrs).y.toNumbers()).toEqual([3, 64, 2]);
    // -(-5) / 2 = 2.5 -> 3; 3 -> -1.5 -> -1 (half up); -(-128) / 2 = 64
    expect(runIntegerOp('Neg', [int8([3], [-5, 3, -128])], attrs).y.toNumbers()).toEqual([3, -1, 64]);
    const unit = fixed(1);
    const neg = runIntegerOp('Neg', [int8([2], [-128, 127])], {
      out_dtype: 'int8',
      multipliers: [unit.multiplier],
      shifts: [unit.shift],
    });
    expect(neg.y.toNumbers()).toEqual([127, -127]);
    expect(neg.events).toEqual({ saturated: 1 });
  });
});

describe('qtk::PRelu', () => {
  it('one requantization for x >= 0, a signed one per channel below', () => {
    const pos = fixed(0.5);
    const n0 = fixed(0.25);
    const n1 = fixed(2);
    // channel 1's slope is negative: its multiplier carries the sign
    const attrs = {
      out_dtype: 'int8',
      multipliers: [pos.multiplier],
      shifts: [pos.shift],
      negative_multipliers: [n0.multiplier, -n1.multiplier],
      negative_shifts: [n0.shift, n1.shift],
      axis: 1,
    };
    // x [1, 2, 2]: channel 0 [-6, 5] -> [-1.5 -> -1, 2.5 -> 3]; channel 1 [-3, -100] -> [6, 200 -> 127]
    const y = runIntegerOp('PRelu', [int8([1, 2, 2], [-6, 5, -3, -100])], attrs);
    expect(y.y.toNumbers()).toEqual([-1, 3, 6, 127]);
    expect(y.events).toEqual({ saturated: 1 });
  });

  it('a negative multiplier is exact: floor((x M + 2^(S-1)) / 2^S) for every int16 x (BigInt reference)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -32768, max: 32767 }),
        fc.double({ min: 1e-4, max: 100, noNaN: true }),
        (x, ratio) => {
          const { multiplier, shift } = quantizeMultiplier(ratio);
          const exact = (BigInt(x) * BigInt(-multiplier) + (1n << BigInt(shift - 1))) >> BigInt(shift);
          expect(multiplyByFixedPoint(x, -multiplier, shift)).toBe(Number(exact));
        },
      ),
    );
  });
});

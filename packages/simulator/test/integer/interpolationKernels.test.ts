import { quantizeMultiplier } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { int8, int16, runIntegerOp } from '../support/integerOp.js';

const unit = quantizeMultiplier(1);
const quarter = quantizeMultiplier(0.25);

// Hand-sized weights: Q2 (a pair sums to 4), so the sum has 4 fractional bits.
describe('qtk::Resize (integer bilinear)', () => {
  const x = int8([1, 1, 1, 2], [10, 21]);
  const attrs = {
    y_indices: [0, 0],
    y_weights: [4, 0],
    x_indices: [0, 0, 0, 1, 0, 1],
    x_weights: [4, 0, 3, 1, 2, 2],
    weight_bits: 2,
    out_dtype: 'int8',
  };

  it('weighs the taps, shifts the sum into int32 rounding half up, requantizes', () => {
    // sums (Q4): 4 * 4 * 10 = 160, 4 * (3 * 10 + 21) = 204, 4 * (2 * 10 + 2 * 21) = 248
    // acc_shift 4: 10, 12.75 -> 13, 15.5 -> 16
    const a = runIntegerOp('Resize', [x], { ...attrs, acc_shift: 4, multiplier: unit.multiplier, shift: unit.shift });
    expect(a.y.shape).toEqual([1, 1, 1, 3]);
    expect(a.y.toNumbers()).toEqual([10, 13, 16]);
    // acc_shift 2 keeps 2 fractional bits (40, 51, 62), then x 1/4 rounds half up: 10, 12.75 -> 13, 15.5 -> 16
    const b = runIntegerOp('Resize', [x], {
      ...attrs,
      acc_shift: 2,
      multiplier: quarter.multiplier,
      shift: quarter.shift,
    });
    expect(b.y.toNumbers()).toEqual([10, 13, 16]);
  });

  it('saturates into the output dtype, counting it', () => {
    const ten = quantizeMultiplier(10);
    const r = runIntegerOp('Resize', [x], { ...attrs, acc_shift: 4, multiplier: ten.multiplier, shift: ten.shift });
    expect(r.y.toNumbers()).toEqual([100, 127, 127]);
    expect(r.events).toEqual({ saturated: 2 });
  });

  it('names malformed weights', () => {
    const bad = { ...attrs, acc_shift: 4, multiplier: unit.multiplier, shift: unit.shift };
    expect(() => runIntegerOp('Resize', [x], { ...bad, x_weights: [4, 0, 3, 2, 2, 2] })).toThrow(
      /x_weights must be non-negative pairs summing to 2\^weight_bits/,
    );
    expect(() => runIntegerOp('Resize', [x], { ...bad, weight_bits: 19 })).toThrow(/weight_bits 19 is outside 0 to 18/);
    expect(() => runIntegerOp('Resize', [x], { ...bad, x_indices: [0, 0, 0, 1, 1, 2] })).toThrow(
      /x_indices must lie in \[0, 2\)/,
    );
  });
});

describe('qtk::GridSample (integer bilinear)', () => {
  const x = int8([1, 1, 2, 2], [10, 20, 30, 40]);
  // u = g + 2 in Q2: grid code g moves by a quarter pixel, code 0 is pixel 0.5 (the centre of 2 x 2)
  const attrs = (padding: string) => ({
    padding_mode: padding,
    coord_multipliers: [unit.multiplier, unit.multiplier],
    coord_shifts: [unit.shift, unit.shift],
    coord_offsets: [2, 2],
    weight_bits: 2,
    acc_shift: 4,
    multiplier: unit.multiplier,
    shift: unit.shift,
    out_dtype: 'int8',
  });
  const grid = (...codes: number[]) => int16([1, 1, codes.length / 2, 2], codes);

  it('samples the centre as the mean and a pixel centre as the pixel', () => {
    // (0, 0): weights 2, 2 per axis: (10 + 20 + 30 + 40) * 4 / 16 = 25; (2, -2) is pixel (1, 0)
    expect(runIntegerOp('GridSample', [x, grid(0, 0, 2, -2)], attrs('zeros')).y.toNumbers()).toEqual([25, 20]);
  });

  it('reads zeros outside the input, or clamps to its border', () => {
    // (-4, -4) is pixel (-0.5, -0.5): zeros give 10 / 4 = 2.5 -> 3 (half up); border gives 10
    // (-9, 9) is beyond (-1, 1.75): zeros give 0; border clamps to pixel (0, 1): 30
    expect(runIntegerOp('GridSample', [x, grid(-4, -4, -9, 9)], attrs('zeros')).y.toNumbers()).toEqual([3, 0]);
    expect(runIntegerOp('GridSample', [x, grid(-4, -4, -9, 9)], attrs('border')).y.toNumbers()).toEqual([10, 30]);
  });

  it('names a padding it does not model', () => {
    expect(() => runIntegerOp('GridSample', [x, grid(0, 0)], attrs('reflection'))).toThrow(
      /padding_mode 'reflection' is not zeros or border/,
    );
  });
});

import { quantizeMultiplier, roundHalfToEven, Tensor } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { int8, int16, int32, runIntegerOp } from '../support/integerOp.js';
import { quantizedRowNormalization } from '../support/rowNormalizationReference.js';

const half = quantizeMultiplier(0.5);

describe('qtk::Quantize, Dequantize, Rescale', () => {
  it('quantizes, dequantizes and rescales by hand', () => {
    const q = runIntegerOp('Quantize', [Tensor.float32([4], [0.3, -1.26, 200, 0.25])], {
      out_dtype: 'int8',
      scales: [0.01],
    });
    expect(q.y.toNumbers()).toEqual([30, -126, 127, 25]);
    expect(q.events).toEqual({ saturated: 1 });
    const d = runIntegerOp('Dequantize', [int32([2, 2], [2, 4, 2, 4])], { scales: [0.5, 0.25], axis: 1 });
    expect(d.y.toNumbers()).toEqual([1, 1, 1, 1]);
    // x * 0.5 rounded half up: 5 -> 2.5 -> 3, -5 -> -2.5 -> -2, 300 -> 150 -> saturates at 127
    const r = runIntegerOp('Rescale', [int32([3], [5, -5, 300])], {
      out_dtype: 'int8',
      multipliers: [half.multiplier],
      shifts: [half.shift],
    });
    expect(r.y.toNumbers()).toEqual([3, -2, 127]);
    expect(r.events).toEqual({ saturated: 1 });
  });
});

describe('qtk::Linear', () => {
  // x = [1, 2], W = [[3, 4], [-1, 1]], B = [10, -2]: acc = [21, -1]
  const operands = () => [
    int8([1, 2], [1, 2]),
    { constant: int8([2, 2], [3, 4, -1, 1]) },
    { constant: int32([2], [10, -2]) },
  ];
  it('keeps the int32 accumulator', () => {
    expect(runIntegerOp('Linear', operands(), { out_dtype: 'int32' }).y.toNumbers()).toEqual([21, -1]);
  });
  it('requantizes per channel with BPU rounding, and clamps a fused ReLU', () => {
    const a = runIntegerOp('Linear', operands(), {
      out_dtype: 'int8',
      multipliers: [half.multiplier],
      shifts: [half.shift],
    });
    expect(a.y.toNumbers()).toEqual([11, 0]); // 10.5 -> 11, -0.5 -> 0
    const q = quantizeMultiplier(0.25);
    const b = runIntegerOp('Linear', operands(), {
      out_dtype: 'int8',
      multipliers: [half.multiplier, q.multiplier],
      shifts: [half.shift, q.shift],
      clamp_min: 0,
    });
    expect(b.y.toNumbers()).toEqual([11, 0]);
  });
  it('writes float32 with per-channel scales (nash-h)', () => {
    expect(runIntegerOp('Linear', operands(), { out_dtype: 'float32', out_scales: [0.5, 0.25] }).y.toNumbers()).toEqual(
      [10.5, -0.25],
    );
  });
  it('counts accumulator overflows and saturates (or wraps)', () => {
    const k = 4;
    const x = int16([1, k], new Array(k).fill(32767));
    const w = { constant: int16([1, k], new Array(k).fill(32767)) };
    const sat = runIntegerOp('Linear', [x, w], { out_dtype: 'int32' });
    expect(sat.y.toNumbers()).toEqual([2147483647]);
    expect(sat.events).toEqual({ overflow: 1 });
    const wrap = runIntegerOp('Linear', [x, w], { out_dtype: 'int32', overflow: 'wrap' });
    expect(wrap.y.toNumbers()).toEqual([(4 * 32767 * 32767) | 0]);
  });
});

describe('qtk::Conv', () => {
  it('accumulates over the window with the int32 bias (hand-computed)', () => {
    // 1x1x2x2 input [1, 2, 3, 4], one 2x2 filter [1, -1, 2, 0], bias 5: 1 - 2 + 6 + 0 + 5 = 10
    const y = runIntegerOp(
      'Conv',
      [
        int8([1, 1, 2, 2], [1, 2, 3, 4]),
        { constant: int8([1, 1, 2, 2], [1, -1, 2, 0]) },
        { constant: int32([1], [5]) },
      ],
      {
        out_dtype: 'int32',
      },
    ).y;
    expect(y.shape).toEqual([1, 1, 1, 1]);
    expect(y.toNumbers()).toEqual([10]);
  });
});

describe('qtk::Add, Sub, Mul', () => {
  it('adds inputs rescaled to the output scale (s_a 0.1, s_b 0.2, s_out 0.5: 1 + 4 = 5 -> 10)', () => {
    const ma = quantizeMultiplier((0.1 / 0.5) * 4096);
    const mb = quantizeMultiplier((0.2 / 0.5) * 4096);
    const attrs = { out_dtype: 'int8', multipliers: [ma.multiplier, mb.multiplier], shifts: [ma.shift, mb.shift] };
    expect(runIntegerOp('Add', [int8([2], [10, -10]), int8([1], [20])], attrs).y.toNumbers()).toEqual([10, 6]);
    expect(runIntegerOp('Sub', [int8([2], [10, -10]), int8([1], [20])], attrs).y.toNumbers()).toEqual([-6, -10]);
  });
  it('multiplies and requantizes once', () => {
    const m = quantizeMultiplier(0.25);
    expect(
      runIntegerOp('Mul', [int8([2], [6, -6]), int8([2], [3, 3])], {
        out_dtype: 'int8',
        multipliers: [m.multiplier],
        shifts: [m.shift],
      }).y.toNumbers(),
    ).toEqual([
      5, // 4.5 -> 5 (half up)
      -4, // -4.5 -> -4
    ]);
  });
});

describe('lookup tables', () => {
  it('Lut maps int8 through its 256 entries', () => {
    const table = Array.from({ length: 256 }, (_, i) => Math.max(0, i - 128)); // ReLU
    expect(runIntegerOp('Lut', [int8([3], [-5, 0, 7])], { table }).y.toNumbers()).toEqual([0, 0, 7]);
  });
  it('SegmentLut interpolates within the segment of each value (hand-computed)', () => {
    // Every segment samples y = 2x at points 2^step apart, so interpolation gives 2x back.
    const bounds = [-32704, -100, 0, 100, 200, 300, 400];
    const steps = [0, 10, 1, 1, 1, 1, 1, 9];
    const starts = [-32768, ...bounds];
    const tables = starts.flatMap((start, k) =>
      Array.from({ length: 65 }, (_, j) =>
        Math.max(-32768, Math.min(32767, 2 * (start + j * 2 ** (steps[k] as number)))),
      ),
    );
    const y = runIntegerOp('SegmentLut', [int16([4], [-50, 3, 101, 250])], { bounds, steps, tables }).y;
    // -50: segment [-100, 0), step 1, j = 25, r = 0: T = 2 (-100 + 50) = -100.
    // 3: segment [0, 100), j = 1, r = 1: T[1] = 4, T[2] = 8: 4 + floor((4 + 1) / 2) = 6.
    // 101: segment [100, 200), j = 0, r = 1: 200 + floor((4 + 1) / 2) = 202. 250: T = 2 * 250 = 500.
    expect(y.toNumbers()).toEqual([-100, 6, 202, 500]);
  });
});

describe('qtk::GlobalAveragePool', () => {
  it('sums and requantizes with 1/count folded in: (1 + 2 + 3 + 4) / 4 = 2.5 -> 3', () => {
    const m = quantizeMultiplier(0.25);
    const y = runIntegerOp('GlobalAveragePool', [int8([1, 1, 2, 2], [1, 2, 3, 4])], {
      out_dtype: 'int8',
      multiplier: m.multiplier,
      shift: m.shift,
    }).y;
    expect(y.shape).toEqual([1, 1, 1, 1]);
    expect(y.toNumbers()).toEqual([3]);
  });
});

describe('qtk::LayerNorm and qtk::Softmax against float arithmetic', () => {
  it('property: integer LayerNorm is within 1 LSB of the float LayerNorm of the same integers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -128, max: 127 }), { minLength: 8, maxLength: 64 }),
        fc.integer({ min: 0, max: 1000 }),
        (xs, seed) => {
          const d = xs.length;
          const sx = 0.05;
          const so = 0.02;
          const gammaReal = xs.map((_, i) => 0.5 + ((i * 37 + seed) % 100) / 100);
          const betaReal = xs.map((_, i) => ((i * 53 + seed) % 41) / 100 - 0.2);
          const q = quantizedRowNormalization(gammaReal, betaReal, sx, so, d);
          const y = runIntegerOp(
            'LayerNorm',
            [int8([1, d], xs), { constant: int16([d], q.gamma) }, { constant: int32([d], q.beta) }],
            { ...q.attrs, out_dtype: 'int8' },
          ).y.toNumbers();
          q.expected(xs, (i) => i, -128, 127).forEach((ref, i) => {
            expect(Math.abs((y[i] as number) - ref)).toBeLessThanOrEqual(1);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('integer Softmax is within 1 LSB of the float softmax (int8 in, int8 out with s = 1/255)', () => {
    const sx = 0.05;
    const so = 1 / 255;
    const xs = Array.from({ length: 32 }, (_, i) => ((i * 73) % 200) - 100);
    const e = quantizeMultiplier(sx * Math.LOG2E * 65536);
    const table = Array.from({ length: 257 }, (_, j) => Math.round(2 ** (j / 256) * 2 ** 14));
    const y = runIntegerOp('Softmax', [int8([1, 32], xs)], {
      exp_multiplier: e.multiplier,
      exp_shift: e.shift,
      pow2_table: table,
      out_multiplier: Math.round(65536 / so),
      out_dtype: 'int8',
    }).y.toNumbers();
    const max = Math.max(...xs);
    const ex = xs.map((v) => Math.exp((v - max) * sx));
    const sum = ex.reduce((a, b) => a + b, 0);
    ex.forEach((v, i) => {
      expect(
        Math.abs((y[i] as number) - Math.min(127, roundHalfToEven(v / sum / so))),
        `element ${i}`,
      ).toBeLessThanOrEqual(1);
    });
  });
});

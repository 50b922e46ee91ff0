import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dequantizeTensor,
  fakeQuantizeTensor,
  Graph,
  MIN_SCALE,
  quantizeTensor,
  roundHalfToEven,
  roundWith,
  scaleFromAbsMax,
  Tensor,
} from '../../src/index.js';

describe('scaleFromAbsMax (SPEC section 2)', () => {
  it('divides by half the integer range: 127.5 for qint8, 32767.5 for qint16', () => {
    expect(scaleFromAbsMax(127.5, 'qint8')).toBe(1);
    expect(scaleFromAbsMax(-255, 'qint8')).toBe(2);
    expect(scaleFromAbsMax(32767.5, 'qint16')).toBe(1);
    expect(scaleFromAbsMax(2 ** 31 - 0.5, 'qint32')).toBe(1);
  });

  it('never goes below float32 epsilon 2^-23, also for zero or non-finite input', () => {
    expect(MIN_SCALE).toBe(1.1920928955078125e-7);
    expect(scaleFromAbsMax(0, 'qint8')).toBe(MIN_SCALE);
    expect(scaleFromAbsMax(1e-9, 'qint16')).toBe(MIN_SCALE);
    expect(scaleFromAbsMax(Number.NaN, 'qint8')).toBe(MIN_SCALE);
  });

  it('returns a float32 value', () => {
    const s = scaleFromAbsMax(1, 'qint8');
    expect(Math.fround(s)).toBe(s);
    expect(s).toBeCloseTo(1 / 127.5, 9);
  });
});

describe('rounding', () => {
  it('rounds half to even by default, and floor(v + 0.5) in BPU mode', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, -2.5001].map(roundHalfToEven)).toEqual([
      0, 2, 2, -0, -2, -2, 2, -3,
    ]);
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5].map((v) => roundWith('bpu', v))).toEqual([1, 2, 3, 0, -1, -2]);
  });

  it('property: half to even is within 0.5 and breaks ties to an even integer', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => {
        const r = roundHalfToEven(v);
        expect(Number.isInteger(r)).toBe(true);
        expect(Math.abs(r - v)).toBeLessThanOrEqual(0.5);
        if (Math.abs(r - v) === 0.5) expect(Math.abs(r % 2)).toBe(0);
      }),
    );
  });
});

describe('quantize / dequantize / fake-quantize', () => {
  it('computes clamp(round(x / s)) by hand', () => {
    // 0.3/0.01 = 30, -1.26/0.01 = -126, 0.005/0.01 = 0.5 -> 0 (half to even), 200/0.01 saturates.
    const x = Tensor.float32([5], [0.3, -1.26, 0.005, 200, -200]);
    const q = quantizeTensor(x, { dtype: 'qint8', scales: [0.01] });
    expect(q.dtype).toBe('int8');
    expect(q.toNumbers()).toEqual([30, -126, 0, 127, -128]);
    const bpu = quantizeTensor(x, { dtype: 'qint8', scales: [0.01], rounding: 'bpu' });
    expect(bpu.toNumbers()).toEqual([30, -126, 1, 127, -128]);
    const d = dequantizeTensor(q, { dtype: 'qint8', scales: [0.01] });
    expect(Array.from(d.data)).toEqual([30, -126, 0, 127, -128].map((v) => Math.fround(v * 0.01)));
  });

  it('quantizes per channel along an axis', () => {
    // shape [2, 3], axis 0: row 0 scale 1, row 1 scale 0.5
    const x = Tensor.float32([2, 3], [1.4, -2.6, 3, 1.4, -2.6, 3]);
    const q = quantizeTensor(x, { dtype: 'qint16', scales: [1, 0.5], axis: 0 });
    expect(q.dtype).toBe('int16');
    expect(q.toNumbers()).toEqual([1, -3, 3, 3, -5, 6]);
    // axis 1: columns scaled 1, 2, 4
    const q1 = quantizeTensor(x, { dtype: 'qint8', scales: [1, 2, 4], axis: 1 });
    expect(q1.toNumbers()).toEqual([1, -1, 1, 1, -1, 1]);
  });

  it('counts as saturated only values clamped by more than half a step', () => {
    // s = 1: 127.5 rounds to 128 and is clamped to 127 (no worse than rounding: not counted);
    // 128.6 and -129 lose more than half a step.
    const stats = { saturated: 0 };
    const x = Tensor.float32([4], [127.5, 128.6, -128.5, -129]);
    expect(quantizeTensor(x, { dtype: 'qint8', scales: [1] }, 'x', stats).toNumbers()).toEqual([127, 127, -128, -128]);
    expect(stats.saturated).toBe(2);
    fakeQuantizeTensor(x, { dtype: 'qint8', scales: [1] }, 'x', stats);
    expect(stats.saturated).toBe(4);
  });

  it('reports bad parameters naming the tensor', () => {
    const x = Tensor.float32([2, 3], [0, 0, 0, 0, 0, 0]);
    expect(() => quantizeTensor(x, { dtype: 'qint8', scales: [1, 2] }, 'w')).toThrow(
      /w: per-tensor quantization needs one scale, got 2/,
    );
    expect(() => quantizeTensor(x, { dtype: 'qint8', scales: [1], axis: 0 }, 'w')).toThrow(
      /w: 2 channels on axis 0 but 1 scales/,
    );
    expect(() => quantizeTensor(x, { dtype: 'qint8', scales: [0] }, 'w')).toThrow(/scale 0 is not a positive/);
  });

  it('property: fake quantization is within half a step inside the range, and saturates outside', () => {
    fc.assert(
      fc.property(
        fc.float({ min: Math.fround(1e-4), max: Math.fround(10), noNaN: true }),
        fc.array(fc.float({ min: -2000, max: 2000, noNaN: true }), { minLength: 1, maxLength: 64 }),
        fc.constantFrom('qint8' as const, 'qint16' as const),
        (s, values, dtype) => {
          const [qmin, qmax] = dtype === 'qint8' ? [-128, 127] : [-32768, 32767];
          const y = fakeQuantizeTensor(Tensor.float32([values.length], values), { dtype, scales: [s] });
          values.forEach((v, i) => {
            const out = y.data[i] as number;
            // The output is an integer number of steps, rounded to float32, within the dtype's range.
            const k = Math.round(out / s);
            expect(out).toBe(Math.fround(k * s));
            expect(k).toBeGreaterThanOrEqual(qmin);
            expect(k).toBeLessThanOrEqual(qmax);
            const inRange = v / s >= qmin && v / s <= qmax;
            if (inRange) expect(Math.abs(out - v)).toBeLessThanOrEqual(s / 2 + Math.abs(v) * 2 ** -22);
            if (v / s > qmax + 0.5) expect(out).toBe(Math.fround(qmax * s));
            if (v / s < qmin - 0.5) expect(out).toBe(Math.fround(qmin * s));
          });
        },
      ),
    );
  });
});

describe('FakeQuantize op', () => {
  it('checks its attributes at graph construction', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [4, 3] });
    expect(
      g.addNode({ op: 'FakeQuantize', name: 'fq', inputs: [x], attrs: { dtype: 'qint8', scales: [0.1] } }).output()
        .type,
    ).toEqual(x.type);
    expect(() => g.addNode({ op: 'FakeQuantize', name: 'bad', inputs: [x], attrs: { dtype: 'qint4' } })).toThrow(
      /dtype 'qint4'/,
    );
    expect(() =>
      g.addNode({ op: 'FakeQuantize', name: 'pc', inputs: [x], attrs: { dtype: 'qint8', axis: 0, scales: [1, 2] } }),
    ).toThrow(/2 scales for 4 channels on axis 0/);
  });
});

import { Tensor } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createObserver, MinMaxObserver, restoreObserver } from '../src/index.js';

const t = (values: number[], shape = [values.length]) => Tensor.float32(shape, values);

describe('MinMaxObserver', () => {
  it('follows the EMA of SPEC section 3 (hand-computed)', () => {
    const o = new MinMaxObserver({ kind: 'minmax', averagingConstant: 0.5 });
    o.observe(t([1, -2, 3]));
    o.observe(t([5, -1, 0]));
    // min = -2 + 0.5 * (-1 - -2) = -1.5; max = 3 + 0.5 * (5 - 3) = 4
    expect(o.range()).toEqual({ min: [-1.5], max: [4] });
    expect(o.scales('qint8')).toEqual([Math.fround(4 / 127.5)]);
    expect(o.scales('qint16')).toEqual([Math.fround(4 / 32767.5)]);
  });

  it('freezes after the first batch with c = 0 (the fixed-activation qconfigs)', () => {
    const o = new MinMaxObserver({ kind: 'minmax', averagingConstant: 0 });
    o.observe(t([1, -2]));
    o.observe(t([100, -100]));
    expect(o.range()).toEqual({ min: [-2], max: [1] });
  });

  it('uses 0.01 by default', () => {
    const o = createObserver({ kind: 'minmax' }) as MinMaxObserver;
    o.observe(t([0, 1]));
    o.observe(t([0, 2]));
    expect(o.range().max[0]).toBeCloseTo(1.01, 12);
  });

  it('observes per channel along an axis (weights [out, in], axis 0)', () => {
    const o = new MinMaxObserver({ kind: 'minmax', axis: 0 });
    o.observe(t([1, -4, 2, 0.5, 0.25, -0.1], [2, 3]));
    expect(o.range()).toEqual({ min: [-4, Math.fround(-0.1)], max: [2, 0.5] });
    expect(o.scales('qint8')).toEqual([Math.fround(4 / 127.5), Math.fround(0.5 / 127.5)]);
    const conv = new MinMaxObserver({ kind: 'minmax', axis: 0 });
    // [O=2, I=1, kh=1, kw=2]
    conv.observe(t([3, -1, -6, 2], [2, 1, 1, 2]));
    expect(conv.range()).toEqual({ min: [-1, -6], max: [3, 2] });
  });

  it('property: merging A (first part) with B (rest) equals one observer over all batches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }), {
          minLength: 2,
          maxLength: 12,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (batches, c, cut) => {
          const split = 1 + (cut % (batches.length - 1));
          const all = new MinMaxObserver({ kind: 'minmax', averagingConstant: c });
          const a = new MinMaxObserver({ kind: 'minmax', averagingConstant: c });
          const b = new MinMaxObserver({ kind: 'minmax', averagingConstant: c });
          batches.forEach((values, i) => {
            all.observe(t(values));
            (i < split ? a : b).observe(t(values));
          });
          a.merge(b);
          const [x, y] = [a.range(), all.range()];
          expect(a.batches).toBe(all.batches);
          expect(x.min[0]).toBeCloseTo(y.min[0] as number, 9);
          expect(x.max[0]).toBeCloseTo(y.max[0] as number, 9);
        },
      ),
    );
  });

  it('merges exactly when c = 1 or c = 0 (plain last-batch and frozen min/max)', () => {
    for (const c of [0, 1]) {
      const all = new MinMaxObserver({ kind: 'minmax', averagingConstant: c });
      const a = new MinMaxObserver({ kind: 'minmax', averagingConstant: c });
      const b = new MinMaxObserver({ kind: 'minmax', averagingConstant: c });
      [
        [0.1, -3.3],
        [2.7, 0.2],
        [-0.4, 1.9],
      ].forEach((v, i) => {
        all.observe(t(v));
        (i < 1 ? a : b).observe(t(v));
      });
      a.merge(b);
      expect(a.range()).toEqual(all.range());
    }
  });

  it('serializes its state as plain data and restores it', () => {
    const o = new MinMaxObserver({ kind: 'minmax', axis: 1 });
    o.observe(t([1, 2, -3, 4], [2, 2]));
    const back = restoreObserver(JSON.parse(JSON.stringify(o.state())));
    expect(back.state()).toEqual(o.state());
    expect(back.scales('qint8')).toEqual(o.scales('qint8'));
  });

  it('refuses NaN and infinities by default, naming the tensor; skips and counts them on request', () => {
    const o = new MinMaxObserver({ kind: 'minmax' });
    expect(() => o.observe(t([1, Number.NaN, Number.POSITIVE_INFINITY, 2]), 'linear1 output')).toThrow(
      /linear1 output: 1 NaN and 1 infinite values in calibration data/,
    );
    const s = new MinMaxObserver({ kind: 'minmax', nonFinite: 'skip' });
    s.observe(t([1, Number.NaN, Number.NEGATIVE_INFINITY, -2]));
    expect(s.skippedNonFinite).toBe(2);
    expect(s.range()).toEqual({ min: [-2], max: [1] });
  });

  it('reports use before any data and bad configuration', () => {
    expect(() => new MinMaxObserver({ kind: 'minmax' }).scales('qint8')).toThrow(/seen no data/);
    expect(() => new MinMaxObserver({ kind: 'minmax', averagingConstant: 2 })).toThrow(/averaging constant 2/);
  });
});

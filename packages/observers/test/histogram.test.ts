import { Generator, randn, scaleFromAbsMax, Tensor } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CanonicalHistogram,
  createObserver,
  KlObserver,
  MIX_PERCENTILES,
  MixObserver,
  MseObserver,
  PercentileObserver,
  restoreObserver,
} from '../src/index.js';

const t = (values: ArrayLike<number>) => Tensor.float32([values.length], values);

/** Exact L2 error of fake-quantizing raw data to qint8 with clip `c` (independent of the code under test). */
function exactError(data: ArrayLike<number>, clip: number): number {
  const s = scaleFromAbsMax(clip, 'qint8');
  let e = 0;
  for (let i = 0; i < data.length; i++) {
    const x = data[i] as number;
    let q = Math.round(x / s);
    if (Math.abs(x / s - Math.trunc(x / s)) === 0.5) q = 2 * Math.round(x / s / 2);
    q = Math.max(-128, Math.min(127, q));
    e += (x - q * s) ** 2;
  }
  return e;
}

describe('CanonicalHistogram', () => {
  it('bins values exactly: [-R, R) with R the power of two above absmax', () => {
    const h = new CanonicalHistogram();
    h.add(Float32Array.of(0.75, -0.75, 0.5, 0));
    // absmax 0.75 -> R = 1, width 1/2048; 0.75 -> bin 2048 + 1536; -0.75 -> 2048 - 1536; 0.5 -> 3072; 0 -> 2048
    expect(h.exponent).toBe(0);
    expect(h.state().counts).toEqual([
      [512, 1],
      [2048, 1],
      [3072, 1],
      [3584, 1],
    ]);
    h.add(Float32Array.of(1.5));
    // R doubles to 2: old bins i -> (i + 2048) >> 1; 1.5 -> 2048 + 1536
    expect(h.state().counts).toEqual([
      [1280, 1],
      [2048, 1],
      [2560, 1],
      [2816, 1],
      [3584, 1],
    ]);
  });

  it('property: counts depend only on the values, not on batching or merge order (exact merge)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.float({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 30 }), {
          minLength: 2,
          maxLength: 8,
        }),
        fc.nat(),
        (batches, cut) => {
          const split = 1 + (cut % (batches.length - 1));
          const all = new CanonicalHistogram();
          const a = new CanonicalHistogram();
          const b = new CanonicalHistogram();
          batches.forEach((v, i) => {
            all.add(Float32Array.from(v));
            (i < split ? a : b).add(Float32Array.from(v));
          });
          const ba = CanonicalHistogram.fromState(b.state());
          ba.merge(a);
          a.merge(b);
          expect(a.state()).toEqual(all.state());
          expect(ba.state()).toEqual(all.state());
        },
      ),
    );
  });
});

describe('histogram observers', () => {
  const g = new Generator(11);
  const gauss = randn([200000], { generator: g }).data;
  const withOutliers = Float32Array.from(gauss);
  for (let i = 0; i < 20; i++) withOutliers[i * 997] = (i % 2 ? -1 : 1) * (30 + i);

  it('MSE keeps absmax when nothing is gained by clipping (values at 0 and +-1)', () => {
    const o = new MseObserver({ kind: 'mse' });
    o.observe(t([1, -1, 0, 1, -1, 0]));
    expect(o.clip('qint8')).toBe(1);
  });

  it('MSE picks a clip whose exact error is within 1% of the best candidate (Gaussian with outliers)', () => {
    const o = new MseObserver({ kind: 'mse' });
    o.observe(t(withOutliers));
    const absmax = 49;
    const errors = Array.from({ length: 95 }, (_, i) => exactError(withOutliers, absmax * (1 - 0.01 * i)));
    const best = Math.min(...errors);
    const chosen = exactError(withOutliers, o.clip('qint8'));
    expect(chosen / best).toBeLessThan(1.01);
    // The outliers (30..49) cost more clipped than the Gaussian bulk gains: the best clip is inside (0, 49).
    expect(o.clip('qint8')).toBeLessThan(absmax);
  });

  it('MSE stride skips candidates', () => {
    const o = new MseObserver({ kind: 'mse', stride: 50 });
    o.observe(t(withOutliers));
    expect([49, 49 * 0.5]).toContainEqual(o.clip('qint8'));
  });

  it('Percentile clips at the percentile of |x| (0..9999: 99.99% is reached by the value 9998)', () => {
    const values = Array.from({ length: 10000 }, (_, i) => i);
    const o = new PercentileObserver({ kind: 'percentile' });
    o.observe(t(values));
    // SPEC: 2048 bins over [0, 9999], the bin holding 9998 is floor(9998 / (9999 / 2048)) = 2047,
    // clip = 2047.5 * 9999 / 2048. Re-binning the canonical histogram (bins of 16384/2048 = 8)
    // moves mass by at most one canonical bin: 8.
    expect(Math.abs(o.clip('qint8') - (2047.5 * 9999) / 2048)).toBeLessThanOrEqual(8);
    const p50 = new PercentileObserver({ kind: 'percentile', percentile: 50 });
    p50.observe(t(values));
    expect(Math.abs(p50.clip('qint8') - 5000)).toBeLessThanOrEqual(8);
  });

  it('KL clips heavy tails and keeps a uniform distribution nearly whole', () => {
    const uniform = new KlObserver({ kind: 'kl' });
    uniform.observe(t(Array.from({ length: 100000 }, (_, i) => -1 + (2 * i) / 99999)));
    expect(uniform.clip('qint8')).toBeGreaterThan(0.9);
    const heavy = new KlObserver({ kind: 'kl' });
    heavy.observe(t(withOutliers));
    expect(heavy.clip('qint8')).toBeLessThan(49 / 4);
    expect(heavy.clip('qint8')).toBeGreaterThan(2);
    // qint16 has more levels than bins: nothing is clipped.
    expect(heavy.clip('qint16')).toBe(49);
  });

  it('Mix returns one of its percentile clips, the one with the least exact error', () => {
    const o = new MixObserver({ kind: 'mix' });
    o.observe(t(withOutliers));
    const candidates = MIX_PERCENTILES.map((p) => {
      const po = new PercentileObserver({ kind: 'percentile', percentile: p * 100 });
      po.observe(t(withOutliers));
      return po.clip('qint8');
    });
    const chosen = o.clip('qint8');
    expect(candidates).toContain(chosen);
    const errs = candidates.map((c) => exactError(withOutliers, c));
    expect(exactError(withOutliers, chosen) / Math.min(...errs)).toBeLessThan(1.01);
  });

  it('all histogram observers merge exactly and restore from plain-data state', () => {
    for (const kind of ['mse', 'percentile', 'kl', 'mix'] as const) {
      const all = createObserver({ kind });
      const a = createObserver({ kind });
      const b = createObserver({ kind });
      all.observe(t(gauss.subarray(0, 1000)));
      all.observe(t(withOutliers.subarray(0, 3000)));
      a.observe(t(gauss.subarray(0, 1000)));
      b.observe(t(withOutliers.subarray(0, 3000)));
      a.merge(b);
      expect(a.state()).toEqual(all.state());
      const back = restoreObserver(JSON.parse(JSON.stringify(a.state())));
      expect(back.scales('qint8')).toEqual(all.scales('qint8'));
    }
    expect(() => createObserver({ kind: 'mse' }).merge(createObserver({ kind: 'kl' }))).toThrow(/different kinds/);
  });
});

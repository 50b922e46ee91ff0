import { type QuantDType, quantDTypeInfo, roundHalfToEven } from '@qtk/ir';
import { BINS_PER_SIDE, type CanonicalHistogram } from './CanonicalHistogram.js';

/**
 * The L2 error of fake-quantizing the histogrammed values with `scale`, each value taken at its
 * bin's center: sum over bins of count x (center - fq(center))^2. With bins of width at most
 * absmax / 1024 this ranks clip candidates as the exact error would.
 */
export function histogramQuantError(h: CanonicalHistogram, scale: number, dtype: QuantDType): number {
  const { qmin, qmax } = quantDTypeInfo(dtype);
  const w = h.width;
  const counts = h.counts;
  let err = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number;
    if (c === 0) continue;
    const x = (i - BINS_PER_SIDE + 0.5) * w;
    let q = roundHalfToEven(x / scale);
    q = Math.min(Math.max(q, qmin), qmax);
    const d = x - q * scale;
    err += c * d * d;
  }
  return err;
}

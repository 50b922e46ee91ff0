import type { CanonicalHistogram } from './CanonicalHistogram.js';

/**
 * The histogram of |x| over [0, absmax) in `bins` equal bins, as SPEC section 3 defines Percentile
 * and KL over it: each canonical bin's count spread over the target bins it overlaps, in proportion
 * to the overlap (values assumed uniform within a canonical bin, which never extends past absmax).
 */
export function rebinAbs(h: CanonicalHistogram, bins: number): { counts: Float64Array; width: number } {
  const absmax = h.absmax;
  const out = new Float64Array(bins);
  if (absmax === 0) {
    out[0] = h.absCounts().reduce((a, b) => a + b, 0);
    return { counts: out, width: 0 };
  }
  const src = h.absCounts();
  const w = h.width;
  const tw = absmax / bins;
  for (let j = 0; j < src.length; j++) {
    const c = src[j] as number;
    if (c === 0) continue;
    const lo = j * w;
    const hi = Math.min((j + 1) * w, absmax);
    if (hi <= lo) {
      out[bins - 1] = (out[bins - 1] as number) + c;
      continue;
    }
    let t = Math.min(Math.floor(lo / tw), bins - 1);
    while (t < bins) {
      const a = Math.max(lo, t * tw);
      const b = Math.min(hi, (t + 1) * tw);
      if (b > a) out[t] = (out[t] as number) + (c * (b - a)) / (hi - lo);
      if ((t + 1) * tw >= hi) break;
      t++;
    }
  }
  return { counts: out, width: tw };
}

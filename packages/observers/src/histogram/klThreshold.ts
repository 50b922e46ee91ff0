/** Smoothing that keeps KL finite where one distribution has zeros (as MXNet/TensorRT do). */
const EPS = 1e-4;

function smooth(p: Float64Array): Float64Array | undefined {
  let zeros = 0;
  for (const v of p) if (v === 0) zeros++;
  const nonzeros = p.length - zeros;
  if (nonzeros === 0) return undefined;
  const take = (EPS * zeros) / nonzeros;
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i] === 0 ? EPS : (p[i] as number) - take;
  return out;
}

function kl(p: Float64Array, q: Float64Array): number {
  let ps = 0;
  let qs = 0;
  for (let i = 0; i < p.length; i++) {
    ps += p[i] as number;
    qs += q[i] as number;
  }
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    const a = (p[i] as number) / ps;
    const b = (q[i] as number) / qs;
    if (a > 0) d += a * Math.log(a / b);
  }
  return d;
}

/**
 * TensorRT-style entropy calibration over a histogram of |x| (`counts`, bins of `width`): for each
 * candidate length i >= `quantizedBins`, compare the clipped distribution P (outliers folded into
 * its last bin) with its quantization Q into `quantizedBins` levels, and return the clip
 * `(i + 0.5) * width` of the least KL(P || Q). With fewer bins than levels nothing is clipped.
 */
export function klThreshold(counts: Float64Array, width: number, quantizedBins: number): number {
  const n = counts.length;
  if (n <= quantizedBins) return n * width;
  let best = Number.POSITIVE_INFINITY;
  let bestI = n;
  let tail = 0;
  for (let i = quantizedBins; i < n; i++) tail += counts[i] as number;
  for (let i = quantizedBins; i <= n; i++) {
    const p = counts.slice(0, i);
    p[i - 1] = (p[i - 1] as number) + tail;
    if (i < n) tail -= counts[i] as number;
    const merged = Math.floor(i / quantizedBins);
    const q = new Float64Array(i);
    for (let j = 0; j < quantizedBins; j++) {
      const start = j * merged;
      const stop = j === quantizedBins - 1 ? i : start + merged;
      // Q spreads each level's mass over the bins where P is non-zero (MXNet's reference does so).
      let sum = 0;
      let nonzero = 0;
      for (let k = start; k < stop; k++) {
        sum += counts[k] as number;
        if (p[k] !== 0) nonzero++;
      }
      if (nonzero === 0) continue;
      for (let k = start; k < stop; k++) if (p[k] !== 0) q[k] = sum / nonzero;
    }
    const ps = smooth(p);
    const qs = smooth(q);
    if (!ps || !qs) continue;
    const d = kl(ps, qs);
    if (d < best) {
      best = d;
      bestI = i;
    }
  }
  return (bestI + 0.5) * width;
}

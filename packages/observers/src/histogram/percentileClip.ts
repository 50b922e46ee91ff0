/**
 * SPEC section 3's percentile clip over a histogram of |x| with `counts.length` bins of `width`:
 * `(i + 0.5) * width` at the first bin i where the cumulative count reaches `fraction` of the total.
 */
export function percentileClip(counts: Float64Array, width: number, fraction: number): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] as number;
  if (total === 0) return 0;
  const target = fraction * total;
  let cum = 0;
  for (let i = 0; i < counts.length; i++) {
    cum += counts[i] as number;
    if (cum >= target) return (i + 0.5) * width;
  }
  return (counts.length - 0.5) * width;
}

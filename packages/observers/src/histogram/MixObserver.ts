import { type QuantDType, scaleFromAbsMax } from '@qtk/ir';
import type { MixConfig } from '../ObserverConfig.js';
import { HistogramObserver } from './HistogramObserver.js';
import { histogramQuantError } from './histogramQuantError.js';
import { ABS_HISTOGRAM_BINS } from './PercentileObserver.js';
import { percentileClip } from './percentileClip.js';
import { rebinAbs } from './rebinAbs.js';

/** The percentiles (as fractions) Mix chooses among (SPEC section 3). */
export const MIX_PERCENTILES: readonly number[] = [
  0.999, 0.9995, 0.9999, 0.99993, 0.99995, 0.99997, 0.99999, 0.999995, 0.999999,
];

/** The percentile clip, among {@link MIX_PERCENTILES}, with the least fake-quantization L2 error. */
export class MixObserver extends HistogramObserver<MixConfig> {
  clip(dtype: QuantDType): number {
    const { counts, width } = rebinAbs(this.histogram, ABS_HISTOGRAM_BINS);
    let best = this.histogram.absmax;
    let bestErr = Number.POSITIVE_INFINITY;
    for (const p of MIX_PERCENTILES) {
      const clip = Math.min(this.histogram.absmax, percentileClip(counts, width, p));
      const err = histogramQuantError(this.histogram, scaleFromAbsMax(clip, dtype), dtype);
      if (err < bestErr) {
        bestErr = err;
        best = clip;
      }
    }
    return best;
  }
}

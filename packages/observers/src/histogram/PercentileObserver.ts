import { QtkError, type QuantDType } from '@qtk/ir';
import type { PercentileConfig } from '../ObserverConfig.js';
import type { HistogramObserverState } from '../ObserverState.js';
import { HistogramObserver } from './HistogramObserver.js';
import { percentileClip } from './percentileClip.js';
import { rebinAbs } from './rebinAbs.js';

/** Bins of the |x| histogram Percentile, KL and Mix read (SPEC section 3). */
export const ABS_HISTOGRAM_BINS = 2048;
/** The default percentile, in percent. */
export const DEFAULT_PERCENTILE = 99.99;

/** Clips at a percentile of |x| (default 99.99%), over a 2048-bin histogram of [0, absmax]. */
export class PercentileObserver extends HistogramObserver<PercentileConfig> {
  constructor(config: PercentileConfig, state?: HistogramObserverState) {
    const p = config.percentile ?? DEFAULT_PERCENTILE;
    if (!(p > 0 && p <= 100)) throw new QtkError('observer.config', `percentile ${p} must be in (0, 100]`);
    super(config, state);
  }

  clip(_dtype: QuantDType): number {
    const { counts, width } = rebinAbs(this.histogram, ABS_HISTOGRAM_BINS);
    return Math.min(
      this.histogram.absmax,
      percentileClip(counts, width, (this.config.percentile ?? DEFAULT_PERCENTILE) / 100),
    );
  }
}

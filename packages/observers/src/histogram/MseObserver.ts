import { QtkError, type QuantDType, scaleFromAbsMax } from '@qtk/ir';
import type { MseConfig } from '../ObserverConfig.js';
import type { HistogramObserverState } from '../ObserverState.js';
import { HistogramObserver } from './HistogramObserver.js';
import { histogramQuantError } from './histogramQuantError.js';

/** Candidates are absmax x (1 - 0.01 i) for i = 0 .. MSE_LAST_CANDIDATE. */
export const MSE_LAST_CANDIDATE = 94;

/**
 * Picks the clip among `absmax * (1 - 0.01 i)`, i = 0..94 in steps of `stride`, whose fake
 * quantization has the least L2 error over all calibration data (SPEC section 3). The default
 * activation observer of calibration.
 */
export class MseObserver extends HistogramObserver<MseConfig> {
  constructor(config: MseConfig, state?: HistogramObserverState) {
    const stride = config.stride ?? 1;
    if (!Number.isInteger(stride) || stride < 1)
      throw new QtkError('observer.config', `MSE stride ${stride} must be a positive integer`);
    super(config, state);
  }

  clip(dtype: QuantDType): number {
    const absmax = this.histogram.absmax;
    let best = absmax;
    let bestErr = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= MSE_LAST_CANDIDATE; i += this.config.stride ?? 1) {
      const candidate = absmax * (1 - 0.01 * i);
      const err = histogramQuantError(this.histogram, scaleFromAbsMax(candidate, dtype), dtype);
      if (err < bestErr) {
        bestErr = err;
        best = candidate;
      }
    }
    return best;
  }
}

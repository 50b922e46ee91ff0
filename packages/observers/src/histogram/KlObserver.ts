import { type QuantDType, quantDTypeInfo } from '@qtk/ir';
import type { KlConfig } from '../ObserverConfig.js';
import { HistogramObserver } from './HistogramObserver.js';
import { klThreshold } from './klThreshold.js';
import { ABS_HISTOGRAM_BINS } from './PercentileObserver.js';
import { rebinAbs } from './rebinAbs.js';

/**
 * Entropy calibration (TensorRT style): the clip whose quantized distribution is closest in KL
 * divergence to the observed one, searched over a 2048-bin |x| histogram with 128 levels for
 * qint8. For qint16 (32768 levels, more than the bins) nothing is clipped.
 */
export class KlObserver extends HistogramObserver<KlConfig> {
  clip(dtype: QuantDType): number {
    const { counts, width } = rebinAbs(this.histogram, ABS_HISTOGRAM_BINS);
    const levels = (quantDTypeInfo(dtype).qmax + 1) as number;
    return Math.min(this.histogram.absmax, klThreshold(counts, width, levels));
  }
}

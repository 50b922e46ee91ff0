import { QtkError, type QuantDType, scaleFromAbsMax } from '@qtk/ir';
import type { ClipConfig } from '../ObserverConfig.js';
import type { FixedObserverState } from '../ObserverState.js';
import { DataFreeObserver } from './DataFreeObserver.js';

/** A fixed clip range [min, max]: the scale comes from max(|min|, |max|); data only counts batches. */
export class ClipObserver extends DataFreeObserver<ClipConfig> {
  constructor(config: ClipConfig, state?: FixedObserverState) {
    if (!(Number.isFinite(config.min) && Number.isFinite(config.max) && config.min <= config.max)) {
      throw new QtkError('observer.config', `clip range [${config.min}, ${config.max}] must be finite with min <= max`);
    }
    super(config, state);
  }

  scales(dtype: QuantDType): number[] {
    return [scaleFromAbsMax(Math.max(Math.abs(this.config.min), Math.abs(this.config.max)), dtype)];
  }
}

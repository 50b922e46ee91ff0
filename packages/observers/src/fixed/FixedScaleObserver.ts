import { QtkError, type QuantDType } from '@qtk/ir';
import type { FixedScaleConfig } from '../ObserverConfig.js';
import type { FixedObserverState } from '../ObserverState.js';
import { DataFreeObserver } from './DataFreeObserver.js';

/**
 * A given scale, or one per channel, whatever the data (the data is still checked for non-finite
 * values).
 */
export class FixedScaleObserver extends DataFreeObserver<FixedScaleConfig> {
  constructor(config: FixedScaleConfig, state?: FixedObserverState) {
    const scales = typeof config.scale === 'number' ? [config.scale] : config.scale;
    const bad = scales.find((s) => !(s > 0 && Number.isFinite(s)));
    if (scales.length === 0 || bad !== undefined) {
      throw new QtkError('observer.config', `fixed scale ${bad ?? '[]'} must be a positive finite number`);
    }
    super(config, state);
  }

  scales(_dtype: QuantDType): number[] {
    const { scale } = this.config;
    return typeof scale === 'number' ? [Math.fround(scale)] : scale.map(Math.fround);
  }
}

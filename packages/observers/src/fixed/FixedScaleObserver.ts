import { QtkError, type QuantDType, type Tensor } from '@qtk/ir';
import { floatDataOf } from '../floatDataOf.js';
import { countNonFinite } from '../nonFinite.js';
import type { Observer } from '../Observer.js';
import type { FixedScaleConfig } from '../ObserverConfig.js';
import type { FixedObserverState } from '../ObserverState.js';

/**
 * A given scale, or one per channel, whatever the data (the data is still checked for non-finite
 * values).
 */
export class FixedScaleObserver implements Observer {
  readonly config: FixedScaleConfig;
  #batches: number;
  #skipped: number;

  constructor(config: FixedScaleConfig, state?: FixedObserverState) {
    const scales = typeof config.scale === 'number' ? [config.scale] : config.scale;
    const bad = scales.find((s) => !(s > 0 && Number.isFinite(s)));
    if (scales.length === 0 || bad !== undefined) {
      throw new QtkError('observer.config', `fixed scale ${bad ?? '[]'} must be a positive finite number`);
    }
    this.config = config;
    this.#batches = state?.batches ?? 0;
    this.#skipped = state?.skippedNonFinite ?? 0;
  }

  get batches(): number {
    return this.#batches;
  }

  get skippedNonFinite(): number {
    return this.#skipped;
  }

  observe(x: Tensor, what = 'tensor'): void {
    this.#skipped += countNonFinite(floatDataOf(x, what), this.config.nonFinite ?? 'error', what);
    this.#batches++;
  }

  merge(other: Observer): void {
    if (other.config.kind !== 'fixed-scale')
      throw new QtkError('observer.merge', 'cannot merge observers of different kinds');
    this.#batches += other.batches;
    this.#skipped += other.skippedNonFinite;
  }

  scales(_dtype: QuantDType): number[] {
    const { scale } = this.config;
    return typeof scale === 'number' ? [Math.fround(scale)] : scale.map(Math.fround);
  }

  state(): FixedObserverState {
    return { config: this.config, batches: this.#batches, skippedNonFinite: this.#skipped };
  }
}

import { QtkError, type QuantDType, type Tensor } from '@qtk/ir';
import { floatDataOf } from '../floatDataOf.js';
import { countNonFinite } from '../nonFinite.js';
import type { Observer } from '../Observer.js';
import type { FixedScaleConfig } from '../ObserverConfig.js';
import type { FixedObserverState } from '../ObserverState.js';

/** A given scale, whatever the data (the data is still checked for non-finite values). */
export class FixedScaleObserver implements Observer {
  readonly config: FixedScaleConfig;
  #batches: number;
  #skipped: number;

  constructor(config: FixedScaleConfig, state?: FixedObserverState) {
    if (!(config.scale > 0 && Number.isFinite(config.scale))) {
      throw new QtkError('observer.config', `fixed scale ${config.scale} must be a positive finite number`);
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
    return [Math.fround(this.config.scale)];
  }

  state(): FixedObserverState {
    return { config: this.config, batches: this.#batches, skippedNonFinite: this.#skipped };
  }
}

import { QtkError, type QuantDType, type Tensor } from '@qtk/ir';
import { floatDataOf } from '../floatDataOf.js';
import { countNonFinite } from '../nonFinite.js';
import type { Observer } from '../Observer.js';
import type { ClipConfig, FixedScaleConfig } from '../ObserverConfig.js';
import type { FixedObserverState } from '../ObserverState.js';

/**
 * Base of the observers whose scale does not depend on the data (Clip, FixedScale): they only count
 * batches and still refuse non-finite data, which is never silently absorbed.
 */
export abstract class DataFreeObserver<C extends ClipConfig | FixedScaleConfig> implements Observer {
  readonly config: C;
  #batches: number;
  #skipped: number;

  constructor(config: C, state?: FixedObserverState) {
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
    if (other.config.kind !== this.config.kind)
      throw new QtkError('observer.merge', 'cannot merge observers of different kinds');
    this.#batches += other.batches;
    this.#skipped += other.skippedNonFinite;
  }

  abstract scales(dtype: QuantDType): number[];

  state(): FixedObserverState {
    return { config: this.config, batches: this.#batches, skippedNonFinite: this.#skipped };
  }
}

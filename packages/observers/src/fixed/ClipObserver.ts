import { QtkError, type QuantDType, scaleFromAbsMax, type Tensor } from '@qtk/ir';
import { floatDataOf } from '../floatDataOf.js';
import { countNonFinite } from '../nonFinite.js';
import type { Observer } from '../Observer.js';
import type { ClipConfig } from '../ObserverConfig.js';
import type { FixedObserverState } from '../ObserverState.js';

/** A fixed clip range [min, max]: the scale comes from max(|min|, |max|); data only counts batches. */
export class ClipObserver implements Observer {
  readonly config: ClipConfig;
  #batches: number;
  #skipped: number;

  constructor(config: ClipConfig, state?: FixedObserverState) {
    if (!(Number.isFinite(config.min) && Number.isFinite(config.max) && config.min <= config.max)) {
      throw new QtkError('observer.config', `clip range [${config.min}, ${config.max}] must be finite with min <= max`);
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
    if (other.config.kind !== 'clip') throw new QtkError('observer.merge', 'cannot merge observers of different kinds');
    this.#batches += other.batches;
    this.#skipped += other.skippedNonFinite;
  }

  scales(dtype: QuantDType): number[] {
    return [scaleFromAbsMax(Math.max(Math.abs(this.config.min), Math.abs(this.config.max)), dtype)];
  }

  state(): FixedObserverState {
    return { config: this.config, batches: this.#batches, skippedNonFinite: this.#skipped };
  }
}

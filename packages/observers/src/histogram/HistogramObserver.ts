import { QtkError, type QuantDType, scaleFromAbsMax, type Tensor } from '@qtk/ir';
import { floatDataOf } from '../floatDataOf.js';
import { countNonFinite } from '../nonFinite.js';
import type { Observer } from '../Observer.js';
import type { KlConfig, MixConfig, MseConfig, PercentileConfig } from '../ObserverConfig.js';
import type { HistogramObserverState } from '../ObserverState.js';
import { CanonicalHistogram } from './CanonicalHistogram.js';

/** Configurations of the histogram-based observers. */
export type HistogramObserverConfig = MseConfig | PercentileConfig | KlConfig | MixConfig;

/**
 * Base of the observers that choose a clip from the distribution of everything seen (MSE,
 * Percentile, KL, Mix): they keep a {@link CanonicalHistogram}, whose exact merging makes them
 * mergeable, and differ only in how they pick the clip. Per tensor only (activations).
 */
export abstract class HistogramObserver<C extends HistogramObserverConfig> implements Observer {
  readonly config: C;
  protected readonly histogram: CanonicalHistogram;
  #batches = 0;
  #skipped = 0;

  constructor(config: C, state?: HistogramObserverState) {
    this.config = config;
    this.histogram = state ? CanonicalHistogram.fromState(state.histogram) : new CanonicalHistogram();
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
    const data = floatDataOf(x, what);
    this.#skipped += countNonFinite(data, this.config.nonFinite ?? 'error', what);
    this.histogram.add(data);
    this.#batches++;
  }

  merge(other: Observer): void {
    if (!(other instanceof HistogramObserver) || other.config.kind !== this.config.kind) {
      throw new QtkError('observer.merge', 'cannot merge observers of different kinds');
    }
    this.histogram.merge(other.histogram);
    this.#batches += other.batches;
    this.#skipped += other.skippedNonFinite;
  }

  scales(dtype: QuantDType): number[] {
    if (this.histogram.exponent === null)
      throw new QtkError('observer.empty', `${this.config.kind} observer has seen no data`);
    return [scaleFromAbsMax(this.clip(dtype), dtype)];
  }

  /** The chosen clip (absolute max to quantize to) for `dtype`. */
  abstract clip(dtype: QuantDType): number;

  state(): HistogramObserverState {
    return {
      config: this.config,
      batches: this.#batches,
      skippedNonFinite: this.#skipped,
      histogram: this.histogram.state(),
    };
  }
}

import type { QuantDType, Tensor } from '@qtk/ir';
import type { ObserverConfig } from './ObserverConfig.js';
import type { ObserverState } from './ObserverState.js';

/**
 * Watches the values a tensor takes during calibration and turns them into quantization scales.
 *
 * State is plain data ({@link ObserverState}): it serializes into artifacts, and observers that saw
 * parts of the data merge (`a.merge(b)`: `b` saw its data after `a`) into what one observer would
 * have after seeing all of it, which is what lets calibration be split across workers.
 */
export interface Observer {
  readonly config: ObserverConfig;
  /** Batches seen. */
  readonly batches: number;
  /** Non-finite values skipped (with `nonFinite: 'skip'`). */
  readonly skippedNonFinite: number;
  /** Takes one batch; `what` names the tensor in errors. */
  observe(x: Tensor, what?: string): void;
  /** Folds in an observer of the same kind and configuration that saw later data. */
  merge(other: Observer): void;
  /** The scales for `dtype`: one, or one per channel. An error when nothing was observed. */
  scales(dtype: QuantDType): number[];
  /** Plain-data state, for artifacts and merging across processes. */
  state(): ObserverState;
}

import type {
  ClipConfig,
  FixedScaleConfig,
  KlConfig,
  MinMaxConfig,
  MixConfig,
  MseConfig,
  PercentileConfig,
} from './ObserverConfig.js';

interface CommonState {
  readonly batches: number;
  readonly skippedNonFinite: number;
}

/** {@link MinMaxObserver}'s state: current and first-batch extremes per channel (one for per-tensor). */
export interface MinMaxState extends CommonState {
  readonly config: MinMaxConfig;
  readonly min: number[];
  readonly max: number[];
  /** The first batch's extremes: what merging an observer that saw later data needs. */
  readonly firstMin: number[];
  readonly firstMax: number[];
}

/** A {@link CanonicalHistogram}'s state: sparse bin counts. */
export interface HistogramState {
  /** Range is [-2^exponent, 2^exponent); null before any value. */
  readonly exponent: number | null;
  /** Non-zero bins as [index, count] pairs, index ascending. */
  readonly counts: [number, number][];
  readonly min: number;
  readonly max: number;
}

/** State of the histogram-based observers. */
export interface HistogramObserverState extends CommonState {
  readonly config: MseConfig | PercentileConfig | KlConfig | MixConfig;
  readonly histogram: HistogramState;
}

/** State of the observers that need no data (Clip, FixedScale). */
export interface FixedObserverState extends CommonState {
  readonly config: ClipConfig | FixedScaleConfig;
}

/** Any observer's state: plain JSON-compatible data. */
export type ObserverState = MinMaxState | HistogramObserverState | FixedObserverState;

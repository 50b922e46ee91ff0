/** What an observer does with NaN and infinite values: refuse them (default) or skip and count them. */
export type NonFinitePolicy = 'error' | 'skip';

interface Common {
  /** Default `'error'`: non-finite calibration data is never silently absorbed into a scale. */
  readonly nonFinite?: NonFinitePolicy;
}

/** Min and max with an exponential moving average; per channel along `axis` (weights). */
export interface MinMaxConfig extends Common {
  readonly kind: 'minmax';
  /** EMA constant c: `min += c * (batchMin - min)`; 0 freezes after the first batch. Default 0.01. */
  readonly averagingConstant?: number;
  readonly axis?: number;
}

/** Least fake-quantization L2 error over clip candidates `absmax * (1 - 0.01 i)`, i = 0..94. */
export interface MseConfig extends Common {
  readonly kind: 'mse';
  /** Step of i between candidates (default 1). */
  readonly stride?: number;
}

/** Clip at a percentile of |x| (default 99.99, in percent). */
export interface PercentileConfig extends Common {
  readonly kind: 'percentile';
  readonly percentile?: number;
}

/** TensorRT-style entropy calibration: the threshold minimizing KL divergence. */
export interface KlConfig extends Common {
  readonly kind: 'kl';
}

/** The best (least L2 error) of several percentiles. */
export interface MixConfig extends Common {
  readonly kind: 'mix';
}

/** A fixed clip range [min, max]. */
export interface ClipConfig extends Common {
  readonly kind: 'clip';
  readonly min: number;
  readonly max: number;
}

/** A given scale: one, or one per channel (the scales a QDQ model states for a per-channel weight). */
export interface FixedScaleConfig extends Common {
  readonly kind: 'fixed-scale';
  readonly scale: number | readonly number[];
}

/** Any observer's configuration; `kind` selects the observer. */
export type ObserverConfig =
  | MinMaxConfig
  | MseConfig
  | PercentileConfig
  | KlConfig
  | MixConfig
  | ClipConfig
  | FixedScaleConfig;

/** Observer kinds, as users name them (CLI `--observer`). */
export type ObserverKind = ObserverConfig['kind'];

/** Every observer kind. */
export const OBSERVER_KINDS: readonly ObserverKind[] = [
  'minmax',
  'mse',
  'percentile',
  'kl',
  'mix',
  'clip',
  'fixed-scale',
];

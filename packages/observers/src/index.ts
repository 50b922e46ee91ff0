/**
 * `@qtk/observers`: calibration observers (SPEC section 3).
 *
 * @packageDocumentation
 */
export * from './createObserver.js';
export * from './fixed/ClipObserver.js';
export * from './fixed/FixedScaleObserver.js';
export * from './histogram/CanonicalHistogram.js';
export * from './histogram/HistogramObserver.js';
export * from './histogram/KlObserver.js';
export * from './histogram/MixObserver.js';
export * from './histogram/MseObserver.js';
export * from './histogram/PercentileObserver.js';
export * from './minmax/MinMaxObserver.js';
export type { FloatData } from './nonFinite.js';
export * from './Observer.js';
export * from './ObserverConfig.js';
export * from './ObserverState.js';

import { QtkError } from '@qtk/ir';
import type { NonFinitePolicy } from './ObserverConfig.js';

/** Float data an observer can read. */
export type FloatData = Float32Array | Float64Array;

/**
 * Counts NaN and infinite values; with the `'error'` policy any of them is an error naming the
 * tensor and the counts. Returns how many there are (the caller skips them under `'skip'`).
 */
export function countNonFinite(data: FloatData, policy: NonFinitePolicy, what: string): number {
  let nan = 0;
  let inf = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (v - v !== 0) {
      if (Number.isNaN(v)) nan++;
      else inf++;
    }
  }
  if (nan + inf > 0 && policy === 'error') {
    throw new QtkError(
      'observer.non-finite',
      `${what}: ${nan} NaN and ${inf} infinite values in calibration data; fix the data, or skip them explicitly (nonFinite: 'skip')`,
    );
  }
  return nan + inf;
}

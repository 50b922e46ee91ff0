import { type QuantDType, quantDTypeInfo } from './QuantDType.js';

/** The smallest scale qtk uses: float32 epsilon, 2^-23 (a constant tensor must not give scale 0). */
export const MIN_SCALE = 2 ** -23;

/**
 * The scale that maps `[-absmax, absmax]` onto a quantized dtype's full range:
 * `absmax / ((qmax - qmin) / 2)`, i.e. absmax / 127.5 for qint8 and absmax / 32767.5 for qint16,
 * never below {@link MIN_SCALE}; rounded to float32 since scales are stored as float32.
 */
export function scaleFromAbsMax(absmax: number, dtype: QuantDType): number {
  const { qmin, qmax } = quantDTypeInfo(dtype);
  const s = Math.abs(absmax) / ((qmax - qmin) / 2);
  return Math.fround(Number.isFinite(s) && s > MIN_SCALE ? s : MIN_SCALE);
}

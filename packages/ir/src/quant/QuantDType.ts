import type { DType } from '../dtype/DType.js';

/**
 * The quantized dtypes of Nash BPUs: symmetric, zero point 0, full range. `qint32` holds
 * accumulators, biases and high-precision GEMM outputs.
 */
export type QuantDType = 'qint8' | 'qint16' | 'qint32';

/** Facts about one quantized dtype. */
export interface QuantDTypeInfo {
  readonly name: QuantDType;
  /** The integer dtype its values are stored in. */
  readonly storage: DType;
  readonly qmin: number;
  readonly qmax: number;
}

const INFO: Readonly<Record<QuantDType, QuantDTypeInfo>> = {
  qint8: { name: 'qint8', storage: 'int8', qmin: -128, qmax: 127 },
  qint16: { name: 'qint16', storage: 'int16', qmin: -32768, qmax: 32767 },
  qint32: { name: 'qint32', storage: 'int32', qmin: -2147483648, qmax: 2147483647 },
};

/** Every quantized dtype, narrowest first. */
export const QUANT_DTYPES: readonly QuantDType[] = ['qint8', 'qint16', 'qint32'];

/** True when `name` is a quantized dtype. */
export function isQuantDType(name: string): name is QuantDType {
  return Object.hasOwn(INFO, name);
}

/** Facts about a quantized dtype. */
export function quantDTypeInfo(dtype: QuantDType): QuantDTypeInfo {
  return INFO[dtype];
}

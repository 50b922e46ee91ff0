/**
 * Element types of tensors.
 *
 * Storage dtypes are the plain machine types a model's tensors use. The quantized dtypes of the
 * quantization flow (`qint8`, `qint16`, `qint32`) are added by the quantization packages as a
 * dtype *plus* quantization parameters on a value; their storage is one of the integer dtypes here.
 */
export type DType = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'bool';

/** Typed array that stores each dtype. `int64` uses `BigInt64Array` so values round-trip exactly. */
export interface StorageOf {
  float32: Float32Array;
  float64: Float64Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

/** Any typed array a tensor may be stored in. */
export type TensorData = StorageOf[DType];

/** Facts about one dtype. */
export interface DTypeInfo {
  readonly name: DType;
  /** Bytes per element. */
  readonly bytes: number;
  readonly kind: 'float' | 'int' | 'bool';
  /** Smallest and largest representable values (as numbers; `int64` is approximate). */
  readonly min: number;
  readonly max: number;
}

const INFO: Readonly<Record<DType, DTypeInfo>> = {
  float32: { name: 'float32', bytes: 4, kind: 'float', min: -3.4028234663852886e38, max: 3.4028234663852886e38 },
  float64: { name: 'float64', bytes: 8, kind: 'float', min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
  int8: { name: 'int8', bytes: 1, kind: 'int', min: -128, max: 127 },
  int16: { name: 'int16', bytes: 2, kind: 'int', min: -32768, max: 32767 },
  int32: { name: 'int32', bytes: 4, kind: 'int', min: -2147483648, max: 2147483647 },
  int64: { name: 'int64', bytes: 8, kind: 'int', min: -(2 ** 63), max: 2 ** 63 },
  uint8: { name: 'uint8', bytes: 1, kind: 'int', min: 0, max: 255 },
  bool: { name: 'bool', bytes: 1, kind: 'bool', min: 0, max: 1 },
};

/** Every dtype, in a stable order. */
export const DTYPES: readonly DType[] = Object.keys(INFO) as DType[];

/** True when `name` is a dtype qtk knows. */
export function isDType(name: string): name is DType {
  return Object.hasOwn(INFO, name);
}

/** Facts about `dtype`. */
export function dtypeInfo(dtype: DType): DTypeInfo {
  return INFO[dtype];
}

/** True for float32 and float64. */
export function isFloatDType(dtype: DType): boolean {
  return INFO[dtype].kind === 'float';
}

/** Allocates zeroed storage for `length` elements of `dtype`. */
export function allocateStorage<D extends DType>(dtype: D, length: number): StorageOf[D] {
  switch (dtype) {
    case 'float32':
      return new Float32Array(length) as StorageOf[D];
    case 'float64':
      return new Float64Array(length) as StorageOf[D];
    case 'int8':
      return new Int8Array(length) as StorageOf[D];
    case 'int16':
      return new Int16Array(length) as StorageOf[D];
    case 'int32':
      return new Int32Array(length) as StorageOf[D];
    case 'int64':
      return new BigInt64Array(length) as StorageOf[D];
    case 'uint8':
    case 'bool':
      return new Uint8Array(length) as StorageOf[D];
    default:
      throw new Error(`unknown dtype ${String(dtype)}`);
  }
}

/** True when `data` is the typed array `dtype` is stored in. */
export function isStorageOf(dtype: DType, data: TensorData): boolean {
  switch (dtype) {
    case 'float32':
      return data instanceof Float32Array;
    case 'float64':
      return data instanceof Float64Array;
    case 'int8':
      return data instanceof Int8Array;
    case 'int16':
      return data instanceof Int16Array;
    case 'int32':
      return data instanceof Int32Array;
    case 'int64':
      return data instanceof BigInt64Array;
    case 'uint8':
    case 'bool':
      return data instanceof Uint8Array;
    default:
      return false;
  }
}

import type { Tensor } from '@qtk/ir';

/** Every typed array whose elements are JavaScript numbers (all dtypes but int64). */
export type NumberStorage = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array;

/**
 * A tensor's elements as numbers, without copying unless it is int64 (converted; values beyond
 * 2^53 lose precision, which only matters for int64 data no float op reads exactly).
 */
export function numberStorage(t: Tensor): NumberStorage {
  return t.data instanceof BigInt64Array ? Float64Array.from(t.data, Number) : t.data;
}

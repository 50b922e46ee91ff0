import { type DType, isDType, type Kernel, Tensor, type TensorData } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import type { NumberStorage } from './storage.js';

const INT32_MIN = -2147483648;
const INT64_MIN = -(2n ** 63n);
const TWO63 = 2 ** 63;

/**
 * A float truncated toward zero to int32 as x86's `cvttsd2si` does (what onnxruntime's
 * `static_cast` compiles to): NaN and values beyond int32 give int32's minimum.
 */
function truncToInt32(x: number): number {
  const t = Math.trunc(x);
  return t >= INT32_MIN && t <= 2147483647 ? t : INT32_MIN;
}

/** A float truncated toward zero to int64; NaN and values beyond int64 give its minimum (x86). */
function truncToInt64(x: number): bigint {
  const t = Math.trunc(x);
  return t >= -TWO63 && t < TWO63 ? BigInt(t) : INT64_MIN;
}

/** The elements of `src` (of dtype `from`) converted to `to`'s storage. */
function convert(src: TensorData, from: DType, to: DType): TensorData {
  const n = src.length;
  const fromFloat = from === 'float32' || from === 'float64';
  if (src instanceof BigInt64Array) {
    switch (to) {
      case 'int64':
        return src.slice();
      case 'bool':
        return Uint8Array.from(src, (v) => (v !== 0n ? 1 : 0));
      case 'float32':
        return Float32Array.from(src, Number);
      case 'float64':
        return Float64Array.from(src, Number);
      default: {
        // Narrowing keeps the low bits, as C's conversion between integer types does.
        const out = Tensor.zeros(to, [n]).data as NumberStorage;
        for (let i = 0; i < n; i++) out[i] = Number(BigInt.asIntN(32, src[i] as bigint));
        return out;
      }
    }
  }
  const values = src as NumberStorage;
  switch (to) {
    case 'bool':
      // NaN is not 0: true, as in C.
      return Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0));
    case 'int64':
      return fromFloat ? BigInt64Array.from(values, truncToInt64) : BigInt64Array.from(values, (v) => BigInt(v));
    case 'float32':
    case 'float64': {
      const out = Tensor.zeros(to, [n]).data as Float32Array | Float64Array;
      out.set(values);
      return out;
    }
    default: {
      // To int32 and below: floats truncate through int32, then the typed array keeps the low bits.
      const out = Tensor.zeros(to, [n]).data as NumberStorage;
      if (fromFloat) for (let i = 0; i < n; i++) out[i] = truncToInt32(values[i] as number);
      else out.set(values);
      return out;
    }
  }
}

/**
 * ONNX Cast to the dtype `to`: floats to integers truncate toward zero (through int32 for the
 * narrower ones, as x86 converts; NaN and out-of-range values give the minimum of int32 or int64),
 * integers narrow by keeping their low bits, anything to bool is `x != 0`, bool and integers to
 * float are exact up to float's precision.
 */
export const castKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const to = ctx.attrs.string('to');
  if (!isDType(to)) throw nodeError(ctx, `to '${to}' is not a dtype`);
  if (to === x.dtype) return [x];
  return [new Tensor(to, x.shape, convert(x.data, x.dtype, to) as Tensor['data'])];
};

import { type DType, type Kernel, reciprocal, roundHalfToEven, sign, Tensor } from '@qtk/ir';
import { floatUnaryKernel } from './elementwiseUnary.js';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import type { NumberStorage } from './storage.js';

/** How a unary op computes on numbers (floats and integers up to 32 bits) and on int64. */
interface UnaryArithmetic {
  readonly number: (x: number) => number;
  readonly bigint: (x: bigint) => bigint;
}

/**
 * A unary op on every numeric dtype in `dtypes`: floats computed in double and rounded once to
 * float32, integers stored back into their typed array (which wraps as C's conversion does).
 */
function numericUnaryKernel(arithmetic: UnaryArithmetic, dtypes: readonly DType[]): Kernel {
  return (ctx) => {
    const x = requiredInput(ctx, 0);
    if (!dtypes.includes(x.dtype)) throw nodeError(ctx, `dtype ${x.dtype} is not supported (${dtypes.join(', ')})`);
    const out = Tensor.zeros(x.dtype, x.shape);
    if (x.data instanceof BigInt64Array) {
      const src = x.data;
      const dst = out.data as BigInt64Array;
      const f = arithmetic.bigint;
      for (let i = 0; i < src.length; i++) dst[i] = BigInt.asIntN(64, f(src[i] as bigint));
    } else {
      const src = x.data as NumberStorage;
      const dst = out.data as NumberStorage;
      const f = arithmetic.number;
      for (let i = 0; i < src.length; i++) dst[i] = f(src[i] as number);
    }
    return [out];
  };
}

const SIGNED: readonly DType[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'int64'];
const NUMERIC: readonly DType[] = [...SIGNED, 'uint8'];

/** ONNX Neg; integers wrap (int8 -(-128) is -128). `0 - x` would make -0 of 0; `-x` keeps IEEE's sign. */
export const negKernel: Kernel = numericUnaryKernel({ number: (x) => -x, bigint: (x) => -x }, SIGNED);

/** ONNX Abs; integers wrap (int8 |-128| is -128). */
export const absKernel: Kernel = numericUnaryKernel({ number: Math.abs, bigint: (x) => (x < 0n ? -x : x) }, NUMERIC);

/** ONNX Sign: -1, 0 or 1 (NaN stays NaN). */
export const signKernel: Kernel = numericUnaryKernel(
  { number: sign, bigint: (x) => (x > 0n ? 1n : x < 0n ? -1n : 0n) },
  NUMERIC,
);

export const reciprocalKernel: Kernel = floatUnaryKernel(reciprocal);
export const logKernel: Kernel = floatUnaryKernel(Math.log);
export const floorKernel: Kernel = floatUnaryKernel(Math.floor);
export const ceilKernel: Kernel = floatUnaryKernel(Math.ceil);
/** ONNX Round: halves to even, as NumPy and onnxruntime round. */
export const roundKernel: Kernel = floatUnaryKernel(roundHalfToEven);
export const cosKernel: Kernel = floatUnaryKernel(Math.cos);
export const sinKernel: Kernel = floatUnaryKernel(Math.sin);

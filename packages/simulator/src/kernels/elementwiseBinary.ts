import { type ConcreteShape, type DType, formatShape, type Kernel, type KernelContext, Tensor } from '@qtk/ir';
import { broadcastConcrete, forEachBroadcastRow } from './broadcast.js';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import { type NumberStorage, numberStorage } from './storage.js';

/**
 * How a binary op computes on each storage kind. `number` serves the floats and the integer dtypes
 * up to 16 bits (exact in a double; the typed array wraps the result on store, as C's integer
 * conversion does); `int32` overrides it where a double is not exact (a product needs `Math.imul`);
 * `bigint` serves int64.
 */
interface BinaryArithmetic {
  readonly number: (a: number, b: number) => number;
  /** Overrides `number` for every integer dtype (division truncates). */
  readonly integer?: (a: number, b: number) => number;
  readonly int32?: (a: number, b: number) => number;
  readonly bigint: (a: bigint, b: bigint) => bigint;
  /** Integer division by zero has no defined result: it is reported instead of computed. */
  readonly integerZeroDivisor?: boolean;
}

const ARITHMETIC_DTYPES: readonly DType[] = ['float32', 'float64', 'int8', 'uint8', 'int16', 'int32', 'int64'];

/** The broadcast output shape of a binary op's inputs; an error naming the node when they do not broadcast. */
export function binaryOutputShape(ctx: KernelContext, a: Tensor, b: Tensor): number[] {
  const shape = broadcastConcrete(a.shape, b.shape);
  if (!shape) throw nodeError(ctx, `shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not broadcast`);
  return shape;
}

function applyNumbers(
  out: NumberStorage,
  a: NumberStorage,
  b: NumberStorage,
  shapes: readonly [ConcreteShape, ConcreteShape, ConcreteShape],
  f: (a: number, b: number) => number,
): void {
  forEachBroadcastRow(shapes[0], [shapes[1], shapes[2]], (o, offsets, n, steps) => {
    const si = steps[0];
    const sj = steps[1];
    for (let k = 0, i = offsets[0], j = offsets[1]; k < n; k++, i += si, j += sj) out[o + k] = f(a[i], b[j]);
  });
}

function applyBigInts(
  out: BigInt64Array,
  a: BigInt64Array,
  b: BigInt64Array,
  shapes: readonly [ConcreteShape, ConcreteShape, ConcreteShape],
  f: (a: bigint, b: bigint) => bigint,
): void {
  forEachBroadcastRow(shapes[0], [shapes[1], shapes[2]], (o, offsets, n, steps) => {
    const si = steps[0];
    const sj = steps[1];
    for (let k = 0, i = offsets[0], j = offsets[1]; k < n; k++, i += si, j += sj) out[o + k] = f(a[i], b[j]);
  });
}

function binaryKernel(arithmetic: BinaryArithmetic): Kernel {
  return (ctx) => {
    const a = requiredInput(ctx, 0);
    const b = requiredInput(ctx, 1);
    if (a.dtype !== b.dtype) throw nodeError(ctx, `input dtypes differ: ${a.dtype} and ${b.dtype}`);
    if (!ARITHMETIC_DTYPES.includes(a.dtype)) throw nodeError(ctx, `dtype ${a.dtype} is not supported`);
    const shape = binaryOutputShape(ctx, a, b);
    const out = Tensor.zeros(a.dtype, shape);
    const shapes = [shape, a.shape, b.shape] as const;
    const integer = a.dtype !== 'float32' && a.dtype !== 'float64';
    if (integer && arithmetic.integerZeroDivisor && (b.data as ArrayLike<number | bigint>).length > 0) {
      const hasZero = b.data instanceof BigInt64Array ? b.data.includes(0n) : (b.data as NumberStorage).includes(0);
      if (hasZero) throw nodeError(ctx, `integer division by zero (divisor is ${b.dtype}${formatShape(b.shape)})`);
    }
    if (out.data instanceof BigInt64Array) {
      applyBigInts(out.data, a.data as BigInt64Array, b.data as BigInt64Array, shapes, arithmetic.bigint);
    } else {
      const f =
        (a.dtype === 'int32' ? arithmetic.int32 : undefined) ??
        (integer ? arithmetic.integer : undefined) ??
        arithmetic.number;
      applyNumbers(out.data, a.data as NumberStorage, b.data as NumberStorage, shapes, f);
    }
    return [out];
  };
}

/** ONNX Add. */
export const addKernel: Kernel = binaryKernel({ number: (a, b) => a + b, bigint: (a, b) => a + b });

/** ONNX Sub. */
export const subKernel: Kernel = binaryKernel({ number: (a, b) => a - b, bigint: (a, b) => a - b });

/** ONNX Mul. */
export const mulKernel: Kernel = binaryKernel({
  number: (a, b) => a * b,
  int32: Math.imul,
  bigint: (a, b) => a * b,
});

/** ONNX Div; integer division truncates toward zero (C semantics, as onnxruntime computes it). */
export const divKernel: Kernel = binaryKernel({
  number: (a, b) => a / b,
  integer: (a, b) => Math.trunc(a / b),
  bigint: (a, b) => a / b,
  integerZeroDivisor: true,
});

/**
 * An integer raised to a power, as integer arithmetic: repeated multiplication that wraps like the
 * storage type for whole exponents (square and multiply, so huge exponents cost 64 steps), C's
 * truncation of the real power otherwise.
 */
function integerPower(base: number, exponent: number, multiply: (a: number, b: number) => number): number {
  if (!Number.isInteger(exponent)) return Math.trunc(base ** exponent);
  if (exponent < 0) return base === 1 ? 1 : base === -1 ? (exponent % 2 === 0 ? 1 : -1) : 0;
  let result = 1;
  let square = base;
  let e = exponent;
  while (e > 0) {
    if (e % 2 === 1) result = multiply(result, square);
    square = multiply(square, square);
    e = Math.floor(e / 2);
  }
  return result;
}

function bigIntPower(base: bigint, exponent: number): bigint {
  if (!Number.isInteger(exponent)) return BigInt(Math.trunc(Number(base) ** exponent));
  if (exponent < 0) return base === 1n ? 1n : base === -1n ? (exponent % 2 === 0 ? 1n : -1n) : 0n;
  let result = 1n;
  let square = base;
  let e = exponent;
  while (e > 0) {
    if (e % 2 === 1) result = BigInt.asIntN(64, result * square);
    square = BigInt.asIntN(64, square * square);
    e = Math.floor(e / 2);
  }
  return result;
}

/**
 * ONNX Pow: the result has the base's dtype; the exponent may be any numeric dtype. Float bases use
 * `Math.pow` in double (rounded once to float32); integer bases see {@link integerPower}.
 */
export const powKernel: Kernel = (ctx) => {
  const a = requiredInput(ctx, 0);
  const b = requiredInput(ctx, 1);
  if (!['float32', 'float64', 'int32', 'int64'].includes(a.dtype)) {
    throw nodeError(ctx, `base dtype ${a.dtype} is not supported (float32, float64, int32, int64)`);
  }
  if (b.dtype === 'bool') throw nodeError(ctx, 'exponent must be numeric, got bool');
  const shape = binaryOutputShape(ctx, a, b);
  const out = Tensor.zeros(a.dtype, shape);
  const exponents = numberStorage(b);
  const shapes = [shape, a.shape, b.shape] as const;
  if (a.dtype === 'int64') {
    const base = a.data as BigInt64Array;
    const result = out.data as BigInt64Array;
    if (base.length > 0 && exponents.some((e) => Number.isInteger(e) && e < 0) && base.includes(0n)) {
      throw nodeError(ctx, 'integer 0 raised to a negative power');
    }
    forEachBroadcastRow(shape, [a.shape, b.shape], (o, offsets, n, steps) => {
      for (let k = 0, i = offsets[0], j = offsets[1]; k < n; k++, i += steps[0], j += steps[1]) {
        result[o + k] = bigIntPower(base[i], exponents[j]);
      }
    });
    return [out];
  }
  if (a.dtype === 'int32') {
    const base = a.data as Int32Array;
    if (exponents.some((e) => Number.isInteger(e) && e < 0) && base.includes(0)) {
      throw nodeError(ctx, 'integer 0 raised to a negative power');
    }
    applyNumbers(out.data as Int32Array, base, exponents, shapes, (x, e) => integerPower(x, e, Math.imul));
    return [out];
  }
  applyNumbers(out.data as NumberStorage, a.data as NumberStorage, exponents, shapes, Math.pow);
  return [out];
};

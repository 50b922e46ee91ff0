import { allocateStorage, type DType, isStorageOf, type StorageOf, type TensorData } from '../dtype/DType.js';
import { QtkError } from '../errors/QtkError.js';
import { type ConcreteShape, formatShape, numel } from '../shape/Shape.js';

/**
 * A dense, row-major (C order) tensor: a dtype, a concrete shape and a typed array.
 *
 * Tensors are values: the IR treats their data as immutable once attached to a graph, and
 * operations return new tensors.
 */
export class Tensor<D extends DType = DType> {
  readonly dtype: D;
  readonly shape: ConcreteShape;
  readonly data: StorageOf[D];

  /** Wraps `data` (not copied). Throws when its type or length does not fit dtype and shape. */
  constructor(dtype: D, shape: ConcreteShape, data: StorageOf[D]) {
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 0) {
        throw new QtkError(
          'tensor.shape',
          `invalid tensor shape ${formatShape(shape)}: dims must be non-negative integers`,
        );
      }
    }
    if (!isStorageOf(dtype, data as TensorData)) {
      throw new QtkError('tensor.storage', `tensor of dtype ${dtype} cannot be stored in a ${data.constructor.name}`);
    }
    const expected = numel(shape);
    if (data.length !== expected) {
      throw new QtkError(
        'tensor.size',
        `tensor of shape ${formatShape(shape)} needs ${expected} elements, got ${data.length}`,
      );
    }
    this.dtype = dtype;
    this.shape = Object.freeze([...shape]);
    this.data = data;
  }

  /** A zero-filled tensor. */
  static zeros<D extends DType>(dtype: D, shape: ConcreteShape): Tensor<D> {
    return new Tensor(dtype, shape, allocateStorage(dtype, numel(shape)));
  }

  /** A float32 tensor from plain numbers (row-major). */
  static float32(shape: ConcreteShape, values: ArrayLike<number>): Tensor<'float32'> {
    return new Tensor('float32', shape, Float32Array.from(values));
  }

  /** An int64 tensor from plain numbers or bigints. */
  static int64(shape: ConcreteShape, values: ArrayLike<number | bigint>): Tensor<'int64'> {
    return new Tensor('int64', shape, BigInt64Array.from(Array.from(values, (v) => BigInt(v))));
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Number of dims. */
  get rank(): number {
    return this.shape.length;
  }

  /** The same data under another shape of the same size (data shared, not copied). */
  reshape(shape: ConcreteShape): Tensor<D> {
    return new Tensor(this.dtype, shape, this.data);
  }

  /** A deep copy. */
  clone(): Tensor<D> {
    return new Tensor(this.dtype, this.shape, this.data.slice() as StorageOf[D]);
  }

  /** Elements as JavaScript numbers (int64 converted; precision beyond 2^53 is lost). */
  toNumbers(): number[] {
    return Array.from(this.data as ArrayLike<number | bigint>, Number);
  }
}

/** True when both tensors have the same dtype, shape and bitwise-equal data (NaN equals NaN). */
export function tensorsIdentical(a: Tensor, b: Tensor): boolean {
  if (a.dtype !== b.dtype || a.shape.length !== b.shape.length) return false;
  if (a.shape.some((d, i) => d !== b.shape[i])) return false;
  const x = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const y = new Uint8Array(b.data.buffer, b.data.byteOffset, b.data.byteLength);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

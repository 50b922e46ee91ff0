import { Tensor, type Value } from '@qtk/ir';

/** A scalar of `like`'s float dtype, for the constants of a decomposition. */
export function scalarLike(like: Value, value: number): Tensor {
  return like.type.dtype === 'float64'
    ? new Tensor('float64', [], Float64Array.of(value))
    : new Tensor('float32', [], Float32Array.of(value));
}

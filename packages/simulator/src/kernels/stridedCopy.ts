import { type ConcreteShape, numel, type TensorData } from '@qtk/ir';

/**
 * Copies a strided view of `src` into `dst` (row-major, of `outShape`): output element
 * `(i0, i1, ...)` reads `src[offset + i0 * strides[0] + i1 * strides[1] + ...]`. Strides may be
 * zero or negative, which covers Transpose (permuted strides) and Slice (scaled strides, backwards
 * steps). The innermost dim is a tight loop; an odometer walks the others.
 */
export function copyStrided<T extends TensorData>(
  src: T,
  offset: number,
  strides: readonly number[],
  outShape: ConcreteShape,
  dst: T,
): void {
  const total = numel(outShape);
  if (total === 0) return;
  const rank = outShape.length;
  if (rank === 0) {
    dst[0] = src[offset];
    return;
  }
  const inner = outShape[rank - 1];
  const step = strides[rank - 1];
  const counter = new Array<number>(rank).fill(0);
  let at = offset;
  for (let o = 0; o < total; o += inner) {
    for (let k = 0, i = at; k < inner; k++, i += step) dst[o + k] = src[i];
    for (let d = rank - 2; d >= 0; d--) {
      if (++counter[d] < outShape[d]) {
        at += strides[d];
        break;
      }
      at -= (counter[d] - 1) * strides[d];
      counter[d] = 0;
    }
  }
}

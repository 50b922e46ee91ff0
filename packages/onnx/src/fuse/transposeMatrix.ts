import { allocateStorage, Tensor } from '@qtk/ir';

/** The transpose of a 2-D tensor (a new tensor; the input is left as it is). */
export function transposeMatrix(t: Tensor): Tensor {
  const [rows, cols] = t.shape as [number, number];
  const src = t.data;
  const out = allocateStorage(t.dtype, src.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c] as never;
  }
  return new Tensor(t.dtype, [cols, rows], out);
}

import { formatShape, isScalarLike, type Kernel, numel, Tensor } from '@qtk/ir';
import { optionalInput, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * ONNX Trilu, any dtype: in each matrix of the last two dims, entry (i, j) is kept when
 * `j - i >= k` (upper) or `j - i <= k` (lower) and zero (false for bool) otherwise.
 */
export const triluKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.rank < 2) throw nodeError(ctx, `input must have rank 2 or more, got ${formatShape(x.shape)}`);
  const kTensor = optionalInput(ctx, 1);
  if (kTensor && (kTensor.dtype !== 'int64' || !isScalarLike(kTensor.shape))) {
    throw nodeError(ctx, `k must be an int64 scalar, got ${kTensor.dtype}${formatShape(kTensor.shape)}`);
  }
  const k = kTensor ? Number(kTensor.data[0]) : 0;
  const upper = ctx.attrs.int('upper') !== 0;
  const rows = x.shape[x.rank - 2];
  const cols = x.shape[x.rank - 1];
  const matrices = numel(x.shape.slice(0, -2));
  const out = Tensor.zeros(x.dtype, x.shape);
  const src = x.data;
  const dst = out.data as typeof src;
  for (let m = 0; m < matrices; m++) {
    for (let i = 0; i < rows; i++) {
      // The kept columns of row i: [i + k, cols) when upper, [0, i + k] when lower.
      const from = upper ? Math.min(Math.max(i + k, 0), cols) : 0;
      const to = upper ? cols : Math.min(Math.max(i + k + 1, 0), cols);
      const row = (m * rows + i) * cols;
      if (to > from) dst.set(src.subarray(row + from, row + to) as never, row + from);
    }
  }
  return [out];
};

import { type Kernel, stridesOf, Tensor, transposePermutation } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import { copyStrided } from './stridedCopy.js';

/** ONNX Transpose (dims reversed without `perm`), any dtype. */
export const transposeKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const perm = transposePermutation(ctx.attrs.optionalInts('perm'), x.rank);
  if (!perm) {
    throw nodeError(
      ctx,
      `perm ${JSON.stringify(ctx.attrs.optionalInts('perm'))} is not a permutation of rank ${x.rank}`,
    );
  }
  const strides = stridesOf(x.shape);
  const shape = perm.map((a) => x.shape[a]);
  const out = Tensor.zeros(x.dtype, shape);
  copyStrided(
    x.data,
    0,
    perm.map((a) => strides[a]),
    shape,
    out.data,
  );
  return [out];
};

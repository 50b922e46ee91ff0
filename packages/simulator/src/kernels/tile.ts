import { type Kernel, stridesOf, Tensor } from '@qtk/ir';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import { copyStrided } from './stridedCopy.js';

/**
 * ONNX Tile, any dtype. The output is a strided view of the input, read as
 * `[r0, d0, r1, d1, ...]` with stride 0 on each repeat dim.
 */
export const tileKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const repeats = integerValues(ctx, 1, 'repeats');
  if (repeats.length !== x.rank) {
    throw nodeError(ctx, `repeats has ${repeats.length} entries, the input has rank ${x.rank}`);
  }
  if (repeats.some((r) => r < 0)) throw nodeError(ctx, `repeats [${repeats.join(',')}] has a negative entry`);
  const strides = stridesOf(x.shape);
  const viewShape = x.shape.flatMap((d, i) => [repeats[i] as number, d]);
  const viewStrides = strides.flatMap((s) => [0, s]);
  const out = Tensor.zeros(
    x.dtype,
    x.shape.map((d, i) => d * (repeats[i] as number)),
  );
  copyStrided(x.data, 0, viewStrides, viewShape, out.data);
  return [out];
};

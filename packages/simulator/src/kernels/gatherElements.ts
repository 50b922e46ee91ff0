import { formatShape, type Kernel, normalizeAxis, stridesOf, Tensor } from '@qtk/ir';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * ONNX GatherElements, any dtype: each output entry is the data entry at the same coordinates
 * except along `axis`, where the index says (negative ones count from the end). An index out of
 * range names the node.
 */
export const gatherElementsKernel: Kernel = (ctx) => {
  const data = requiredInput(ctx, 0);
  const indicesTensor = requiredInput(ctx, 1);
  const indices = integerValues(ctx, 1, 'indices');
  const rank = data.rank;
  if (indicesTensor.rank !== rank)
    throw nodeError(ctx, `indices have rank ${indicesTensor.rank}, data has rank ${rank}`);
  const axis = normalizeAxis(ctx.attrs.int('axis'), rank);
  if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${rank}`);
  const shape = indicesTensor.shape;
  if (shape.some((d, i) => i !== axis && d > data.shape[i])) {
    throw nodeError(ctx, `indices ${formatShape(shape)} exceed data ${formatShape(data.shape)} off axis ${axis}`);
  }
  const dim = data.shape[axis];
  const strides = stridesOf(data.shape);
  const out = Tensor.zeros(data.dtype, shape);
  const src = data.data;
  const dst = out.data as typeof src;
  // An odometer over the output's coordinates, keeping the data offset of all but `axis`.
  const counter = new Array<number>(rank).fill(0);
  let base = 0;
  for (let o = 0; o < indices.length; o++) {
    const i = indices[o];
    const r = i < 0 ? i + dim : i;
    if (r < 0 || r >= dim) {
      throw nodeError(
        ctx,
        `index ${i} is out of range for axis ${axis} of size ${dim} (data ${formatShape(data.shape)})`,
      );
    }
    dst[o] = src[base + r * strides[axis]] as never;
    for (let d = rank - 1; d >= 0; d--) {
      const step = d === axis ? 0 : strides[d];
      const c = counter[d] + 1;
      if (c < shape[d]) {
        counter[d] = c;
        base += step;
        break;
      }
      base -= (c - 1) * step;
      counter[d] = 0;
    }
  }
  return [out];
};

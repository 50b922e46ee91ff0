import { type Kernel, resolveSlice, stridesOf, Tensor } from '@qtk/ir';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import { copyStrided } from './stridedCopy.js';

/**
 * ONNX Slice (opset 13): starts, ends, axes and steps are int inputs; out-of-range bounds clamp,
 * negative ones count from the end, negative steps walk backwards. Any dtype.
 */
export const sliceKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const starts = integerValues(ctx, 1, 'starts');
  const ends = integerValues(ctx, 2, 'ends');
  const axes = ctx.inputs[3] ? integerValues(ctx, 3, 'axes') : undefined;
  const steps = ctx.inputs[4] ? integerValues(ctx, 4, 'steps') : undefined;
  const slices = resolveSlice(x.shape, starts, ends, axes, steps);
  if (typeof slices === 'string') throw nodeError(ctx, slices);
  const inStrides = stridesOf(x.shape);
  const shape = [...x.shape];
  const strides = [...inStrides];
  let offset = 0;
  for (const s of slices) {
    shape[s.axis] = s.count;
    strides[s.axis] = inStrides[s.axis] * s.step;
    offset += s.start * inStrides[s.axis];
  }
  const out = Tensor.zeros(x.dtype, shape);
  copyStrided(x.data, offset, strides, shape, out.data);
  return [out];
};

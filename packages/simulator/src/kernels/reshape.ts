import { flattenShape, type Kernel, reshapeTarget, squeezeShape, unsqueezeShape } from '@qtk/ir';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

// These ops only change the shape: the result shares the input's data (tensors are never mutated).

/** ONNX Reshape: `0` copies a dim (unless `allowzero`), `-1` takes what is left. */
export const reshapeKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const target = reshapeTarget(x.shape, integerValues(ctx, 1, 'shape'), ctx.attrs.int('allowzero') !== 0);
  if (typeof target === 'string') throw nodeError(ctx, target);
  return [x.reshape(target as number[])];
};

/** ONNX Flatten to 2-D at `axis` (negative counts from the end). */
export const flattenKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  let axis = ctx.attrs.int('axis');
  if (axis < 0) axis += x.rank;
  if (axis < 0 || axis > x.rank) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${x.rank}`);
  return [x.reshape(flattenShape(x.shape, axis) as number[])];
};

/** ONNX Squeeze (opset 13): the given size-1 dims, or all of them. */
export const squeezeKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const axes = ctx.inputs[1] ? integerValues(ctx, 1, 'axes') : undefined;
  const shape = squeezeShape(x.shape, axes);
  if (typeof shape === 'string') throw nodeError(ctx, shape);
  return [x.reshape(shape as number[])];
};

/** ONNX Unsqueeze (opset 13): size-1 dims inserted at output positions `axes`. */
export const unsqueezeKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const shape = unsqueezeShape(x.shape, integerValues(ctx, 1, 'axes'));
  if (typeof shape === 'string') throw nodeError(ctx, shape);
  return [x.reshape(shape as number[])];
};

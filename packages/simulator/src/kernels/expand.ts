import { formatShape, type Kernel, Tensor } from '@qtk/ir';
import { broadcastConcrete, broadcastStrides } from './broadcast.js';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import { copyStrided } from './stridedCopy.js';

/** ONNX Expand: the input broadcast with the requested shape (a requested 1 keeps the input's dim), any dtype. */
export const expandKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const requested = integerValues(ctx, 1, 'shape');
  if (requested.some((d) => d < 0)) throw nodeError(ctx, `shape ${formatShape(requested)} has a negative dim`);
  const shape = broadcastConcrete(x.shape, requested);
  if (!shape) throw nodeError(ctx, `input ${formatShape(x.shape)} does not broadcast to ${formatShape(requested)}`);
  const out = Tensor.zeros(x.dtype, shape);
  copyStrided(x.data, 0, broadcastStrides(x.shape, shape), shape, out.data);
  return [out];
};

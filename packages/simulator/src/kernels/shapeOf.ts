import { type Kernel, shapeRange, Tensor } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';

/** ONNX Shape (opset 15): the input's dims `[start, end)` as int64. */
export const shapeKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const start = ctx.attrs.has('start') ? ctx.attrs.int('start') : undefined;
  const end = ctx.attrs.has('end') ? ctx.attrs.int('end') : undefined;
  const [s, e] = shapeRange(x.rank, start, end);
  return [Tensor.int64([e - s], x.shape.slice(s, e))];
};

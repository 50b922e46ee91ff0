import { type Kernel, Tensor } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';

/** ONNX Size: the input's number of elements as an int64 scalar. */
export const sizeKernel: Kernel = (ctx) => [Tensor.int64([], [requiredInput(ctx, 0).size])];

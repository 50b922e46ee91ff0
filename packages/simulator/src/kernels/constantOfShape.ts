import { formatShape, type Kernel, Tensor } from '@qtk/ir';
import { integerValues } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/** ONNX ConstantOfShape: a tensor of the input's shape (which may hold zeros) filled with `value`. */
export const constantOfShapeKernel: Kernel = (ctx) => {
  const shape = integerValues(ctx, 0, 'input');
  if (shape.some((d) => d < 0)) throw nodeError(ctx, `shape ${formatShape(shape)} has a negative dim`);
  const value = ctx.attrs.tensor('value');
  if (value.size !== 1) throw nodeError(ctx, `value must hold one element, got ${formatShape(value.shape)}`);
  const out = Tensor.zeros(value.dtype, shape);
  if (out.data instanceof BigInt64Array) out.data.fill(value.data[0] as bigint);
  else (out.data as Float64Array).fill(value.data[0] as number);
  return [out];
};

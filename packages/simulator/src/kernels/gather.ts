import { formatShape, type Kernel, normalizeAxis, numel, Tensor } from '@qtk/ir';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * ONNX Gather: entries of data along `axis` at the given indices (negative ones count from the
 * end). An index out of range is the user's model's error and names the node.
 */
export const gatherKernel: Kernel = (ctx) => {
  const data = requiredInput(ctx, 0);
  const indicesTensor = requiredInput(ctx, 1);
  const indices = integerValues(ctx, 1, 'indices');
  const axis = normalizeAxis(ctx.attrs.int('axis'), data.rank);
  if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${data.rank}`);
  const dim = data.shape[axis];
  const resolved = indices.map((i) => {
    const r = i < 0 ? i + dim : i;
    if (r < 0 || r >= dim) {
      throw nodeError(
        ctx,
        `index ${i} is out of range for axis ${axis} of size ${dim} (data ${formatShape(data.shape)})`,
      );
    }
    return r;
  });
  const shape = [...data.shape.slice(0, axis), ...indicesTensor.shape, ...data.shape.slice(axis + 1)];
  const out = Tensor.zeros(data.dtype, shape);
  const outer = numel(data.shape.slice(0, axis));
  const inner = numel(data.shape.slice(axis + 1));
  const src = data.data;
  const dst = out.data as typeof src;
  let o = 0;
  for (let r = 0; r < outer; r++) {
    for (const i of resolved) {
      const from = (r * dim + i) * inner;
      dst.set(src.subarray(from, from + inner) as never, o);
      o += inner;
    }
  }
  return [out];
};

import { type Kernel, normalizeAxis, numel, splitSizes, Tensor } from '@qtk/ir';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/** ONNX Split (opset 13): sizes from the optional `split` input, else equal parts; any dtype. */
export const splitKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const axis = normalizeAxis(ctx.attrs.int('axis'), x.rank);
  if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${x.rank}`);
  const parts = ctx.node.outputs.length;
  const split = ctx.inputs[1] ? integerValues(ctx, 1, 'split') : undefined;
  const sizes = splitSizes(x.shape[axis], parts, split);
  if (typeof sizes === 'string') throw nodeError(ctx, sizes);
  const outer = numel(x.shape.slice(0, axis));
  const inner = numel(x.shape.slice(axis + 1));
  const row = x.shape[axis] * inner;
  let start = 0;
  return sizes.map((size) => {
    const out = Tensor.zeros(
      x.dtype,
      x.shape.map((d, k) => (k === axis ? size : d)),
    );
    const block = size * inner;
    const dst = out.data as typeof x.data;
    for (let r = 0; r < outer; r++) {
      const from = r * row + start * inner;
      dst.set(x.data.subarray(from, from + block) as never, r * block);
    }
    start += size;
    return out;
  });
};

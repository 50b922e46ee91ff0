import { formatShape, type Kernel, normalizeAxis, numel, Tensor } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/** ONNX Concat along `axis`, any dtype: each input contributes one block per outer index. */
export const concatKernel: Kernel = (ctx) => {
  const inputs = ctx.inputs.map((_, i) => requiredInput(ctx, i));
  const first = inputs[0];
  if (!first) throw nodeError(ctx, 'needs at least one input');
  const axis = normalizeAxis(ctx.attrs.int('axis'), first.rank);
  if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${first.rank}`);
  let total = 0;
  inputs.forEach((t, i) => {
    const fits =
      t.dtype === first.dtype && t.rank === first.rank && t.shape.every((d, k) => k === axis || d === first.shape[k]);
    if (!fits) {
      throw nodeError(
        ctx,
        `input ${i} ${t.dtype}${formatShape(t.shape)} does not match input 0 ${first.dtype}${formatShape(first.shape)} off axis ${axis}`,
      );
    }
    total += t.shape[axis];
  });
  const shape = first.shape.map((d, k) => (k === axis ? total : d));
  const out = Tensor.zeros(first.dtype, shape);
  const outer = numel(first.shape.slice(0, axis));
  const inner = numel(first.shape.slice(axis + 1));
  const dst = out.data as typeof first.data;
  let o = 0;
  for (let r = 0; r < outer; r++) {
    for (const t of inputs) {
      const block = t.shape[axis] * inner;
      dst.set(t.data.subarray(r * block, (r + 1) * block) as never, o);
      o += block;
    }
  }
  return [out];
};

import { formatShape, type Kernel, normalizeAxis, numel, Tensor } from '@qtk/ir';
import { floatInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * Softmax along one axis (opset 13): exp(x - max) / sum(exp(x - max)), in double. Subtracting the
 * max keeps exp from overflowing on large logits; the exponentials are computed once and reused.
 */
export const softmaxKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  const axis = normalizeAxis(ctx.attrs.int('axis'), x.rank);
  if (axis === undefined)
    throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} is out of range for ${formatShape(x.shape)}`);
  const n = x.shape[axis];
  const inner = numel(x.shape.slice(axis + 1));
  const outer = numel(x.shape.slice(0, axis));
  const out = Tensor.zeros(x.dtype, x.shape);
  const src = x.data;
  const dst = out.data;
  const exps = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0, p = base; k < n; k++, p += inner) if (src[p] > max) max = src[p];
      let sum = 0;
      for (let k = 0, p = base; k < n; k++, p += inner) {
        const e = Math.exp(src[p] - max);
        exps[k] = e;
        sum += e;
      }
      for (let k = 0, p = base; k < n; k++, p += inner) dst[p] = exps[k] / sum;
    }
  }
  return [out];
};

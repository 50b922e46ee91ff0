import { type Kernel, numel, reducedShape, reductionAxes, Tensor } from '@qtk/ir';
import { forEachBroadcastRow } from './broadcast.js';
import { floatInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * ReduceMean over the `axes` attribute (all axes when absent), summed in double. The reduced
 * tensor, with its reduced dims kept as 1s, broadcasts back onto the input, so the input is walked
 * once in memory order, each run adding into the sums it maps to.
 */
export const reduceMeanKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  const axes = reductionAxes(ctx.attrs.optionalInts('axes'), x.rank);
  if (!axes)
    throw nodeError(ctx, `axes ${JSON.stringify(ctx.attrs.optionalInts('axes'))} out of range for rank ${x.rank}`);
  const kept = reducedShape(x.shape, axes, true);
  const sums = new Float64Array(numel(kept));
  const src = x.data;
  forEachBroadcastRow(x.shape, [kept], (o, offsets, n, steps) => {
    const s = steps[0];
    for (let k = 0, j = offsets[0]; k < n; k++, j += s) sums[j] += src[o + k];
  });
  const count = numel(axes.map((a) => x.shape[a]));
  const shape = ctx.attrs.int('keepdims') !== 0 ? kept : reducedShape(x.shape, axes, false);
  const out = Tensor.zeros(x.dtype, shape);
  for (let i = 0; i < sums.length; i++) out.data[i] = sums[i] / count;
  return [out];
};

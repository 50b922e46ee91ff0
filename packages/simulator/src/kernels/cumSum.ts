import { type Kernel, normalizeAxis, numel, Tensor } from '@qtk/ir';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import { numberStorage } from './storage.js';

/**
 * ONNX CumSum along the axis its second input gives: each element is the sum of those before it
 * (and itself, unless `exclusive`), counting from the end with `reverse`. Summed in double: exact
 * for int32 (wrapping on the store, as C's does) and for int64 below 2^53 (positions and counts).
 */
export const cumSumKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (!['float32', 'float64', 'int32', 'int64'].includes(x.dtype))
    throw nodeError(ctx, `input is ${x.dtype}, expected float32, float64, int32 or int64`);
  const given = integerValues(ctx, 1, 'axis');
  const axis = given.length === 1 ? normalizeAxis(given[0] as number, x.rank) : undefined;
  if (axis === undefined) throw nodeError(ctx, `axis ${JSON.stringify(given)} must be one axis of rank ${x.rank}`);
  const exclusive = ctx.attrs.int('exclusive') !== 0;
  const reverse = ctx.attrs.int('reverse') !== 0;
  const n = x.shape[axis] as number;
  const outer = numel(x.shape.slice(0, axis));
  const inner = numel(x.shape.slice(axis + 1));
  const src = numberStorage(x);
  const result = new Float64Array(src.length);
  // The running sums of one row of inner elements, walked along the axis in the asked direction.
  const sums = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    sums.fill(0);
    for (let step = 0; step < n; step++) {
      const row = (o * n + (reverse ? n - 1 - step : step)) * inner;
      for (let i = 0; i < inner; i++) {
        const before = sums[i];
        sums[i] = before + src[row + i];
        result[row + i] = exclusive ? before : sums[i];
      }
    }
  }
  const out = Tensor.zeros(x.dtype, x.shape);
  if (out.data instanceof BigInt64Array) for (let i = 0; i < result.length; i++) out.data[i] = BigInt(result[i]);
  else out.data.set(result);
  return [out];
};

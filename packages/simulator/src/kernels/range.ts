import { isScalarLike, type Kernel, RANGE_DTYPES, rangeCount, Tensor } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * ONNX Range for float32, float64, int16, int32 and int64. Values accumulate in the dtype
 * (`v += delta`), as ONNX's function body and onnxruntime compute them; the count is
 * {@link rangeCount}'s.
 */
export const rangeKernel: Kernel = (ctx) => {
  const [start, limit, delta] = [0, 1, 2].map((i) => requiredInput(ctx, i)) as [Tensor, Tensor, Tensor];
  const dtype = start.dtype;
  if (!RANGE_DTYPES.includes(dtype)) throw nodeError(ctx, `dtype ${dtype} is not one of ${RANGE_DTYPES.join(', ')}`);
  [start, limit, delta].forEach((t, i) => {
    if (t.dtype !== dtype) throw nodeError(ctx, `input ${i} is ${t.dtype}, input 0 is ${dtype}`);
    if (!isScalarLike(t.shape)) throw nodeError(ctx, `input ${i} must be a scalar`);
  });
  const n = rangeCount(start, limit, delta);
  if (typeof n === 'string') throw nodeError(ctx, n);
  const out = Tensor.zeros(dtype, [n]);
  if (out.data instanceof BigInt64Array) {
    const step = delta.data[0] as bigint;
    let v = start.data[0] as bigint;
    for (let i = 0; i < n; i++, v = BigInt.asIntN(64, v + step)) out.data[i] = v;
    return [out];
  }
  const data = out.data as Float32Array | Float64Array | Int16Array | Int32Array;
  const step = delta.data[0] as number;
  // The typed array rounds (float32) or wraps (int16, int32) each value as the dtype would.
  if (n > 0) data[0] = start.data[0] as number;
  for (let i = 1; i < n; i++) data[i] = (data[i - 1] as number) + step;
  return [out];
};

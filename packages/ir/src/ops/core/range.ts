import type { DType } from '../../dtype/DType.js';
import type { Tensor } from '../../tensor/Tensor.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { isScalarLike } from './scalarLike.js';

/** The dtypes ONNX Range takes. */
export const RANGE_DTYPES: readonly DType[] = ['float32', 'float64', 'int16', 'int32', 'int64'];

/**
 * How many elements ONNX Range gives, as onnxruntime computes it: `limit - start` in the inputs'
 * dtype (float32 rounds), divided by `delta` in double, rounded up, at least 0. A message instead
 * when `delta` is 0.
 */
export function rangeCount(start: Tensor, limit: Tensor, delta: Tensor): number | string {
  const d = Number(delta.data[0]);
  if (d === 0) return 'delta must not be 0';
  let span: number;
  if (start.dtype === 'int64') {
    span = Number(BigInt.asIntN(64, (limit.data[0] as bigint) - (start.data[0] as bigint)));
  } else {
    span = (limit.data[0] as number) - (start.data[0] as number);
    if (start.dtype === 'float32') span = Math.fround(span);
  }
  const n = Math.ceil(span / d);
  return Number.isFinite(n) ? Math.max(n, 0) : 'the number of elements is not finite';
}

/** ONNX Range (opset 11): `start, start + delta, ...` up to `limit` (exclusive), of the inputs' dtype. */
export const Range: CoreOpDefinition<'Range'> = {
  op: 'Range',
  traits: { quantRole: 'float' },
  summary: 'start, start + delta, ... up to limit (exclusive).',
  inputs: [{ name: 'start' }, { name: 'limit' }, { name: 'delta' }],
  outputs: [{ name: 'output' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const types = [0, 1, 2].map((i) => ctx.requireInput(i));
    const dtype = types[0]?.dtype as DType;
    if (!RANGE_DTYPES.includes(dtype)) ctx.fail(`dtype ${dtype} is not one of ${RANGE_DTYPES.join(', ')}`);
    types.forEach((t, i) => {
      if (t.dtype !== dtype) ctx.fail(`input ${i} is ${t.dtype}, input 0 is ${dtype}`);
      if (!isScalarLike(t.shape)) ctx.fail(`input ${i} must be a scalar`);
    });
    const [start, limit, delta] = [0, 1, 2].map((i) => ctx.constant(i));
    if (!start || !limit || !delta) return [{ dtype, shape: ['?'] }];
    const n = rangeCount(start, limit, delta);
    if (typeof n === 'string') ctx.fail(n);
    return [{ dtype, shape: [n] }];
  },
};

import { type DType, dtypeInfo, type KernelContext, multiplyByFixedPoint, Tensor } from '@qtk/ir';
import { nodeError } from '../kernels/nodeError.js';
import { channelIndexer } from './channelIndexer.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The int32 accumulator rule: values outside int32 are counted as `overflow` events and saturate
 * (or wrap, with `overflow: 'wrap'`), as the node's backend says.
 */
export function int32Accumulator(ctx: KernelContext, acc: Float64Array): void {
  const wrap = ctx.attrs.string('overflow') === 'wrap';
  let overflows = 0;
  for (let i = 0; i < acc.length; i++) {
    const v = acc[i] as number;
    if (v < INT32_MIN || v > INT32_MAX) {
      overflows++;
      acc[i] = wrap ? v | 0 : v < 0 ? INT32_MIN : INT32_MAX;
    }
  }
  if (overflows > 0) ctx.count('overflow', overflows);
}

/** The clamp bounds of an int8/int16 result: the dtype's range narrowed by `clamp_min`/`clamp_max`. */
export function clampBounds(ctx: KernelContext, dtype: DType): { lo: number; hi: number; qmin: number; qmax: number } {
  const { min: qmin, max: qmax } = dtypeInfo(dtype);
  const lo = ctx.attrs.has('clamp_min') ? Math.max(qmin, ctx.attrs.int('clamp_min')) : qmin;
  const hi = ctx.attrs.has('clamp_max') ? Math.min(qmax, ctx.attrs.int('clamp_max')) : qmax;
  return { lo, hi, qmin, qmax };
}

/**
 * Requantizes integer values to int8/int16: `clamp(multiplyByFixedPoint(v, M[c], S[c]), lo, hi)`,
 * counting values beyond the dtype's range as `saturated` (a ReLU's clamp is not a saturation).
 */
export function requantize(
  ctx: KernelContext,
  values: ArrayLike<number>,
  shape: readonly number[],
  channelAxis: number,
  dtype: DType,
): Tensor {
  const multipliers = ctx.attrs.ints('multipliers');
  const shifts = ctx.attrs.ints('shifts');
  const channel = channelIndexer(shape, channelAxis, multipliers.length);
  const { lo, hi, qmin, qmax } = clampBounds(ctx, dtype);
  const out = Tensor.zeros(dtype, shape);
  const dst = out.data as Int8Array | Int16Array;
  let saturated = 0;
  for (let i = 0; i < values.length; i++) {
    const c = channel(i);
    const v = multiplyByFixedPoint(values[i] as number, multipliers[c] as number, shifts[c] as number);
    if (v < qmin || v > qmax) saturated++;
    dst[i] = Math.min(Math.max(v, lo), hi);
  }
  if (saturated > 0) ctx.count('saturated', saturated);
  return out;
}

/**
 * The output stage of an integer GEMM (see `OUTPUT_STAGE_ATTRIBUTES` in `@qtk/ir`): the int32
 * accumulator kept, requantized to int8/int16, or scaled to float32, per channel along `channelAxis`.
 */
export function outputStage(
  ctx: KernelContext,
  acc: Float64Array,
  shape: readonly number[],
  channelAxis: number,
): Tensor {
  int32Accumulator(ctx, acc);
  const dtype = ctx.attrs.string('out_dtype') as DType;
  switch (dtype) {
    case 'int32':
      return new Tensor('int32', shape, Int32Array.from(acc));
    case 'float32': {
      const scales = ctx.attrs.floats('out_scales');
      const channel = channelIndexer(shape, channelAxis, scales.length);
      const out = new Float32Array(acc.length);
      for (let i = 0; i < acc.length; i++) out[i] = (acc[i] as number) * (scales[channel(i)] as number);
      return new Tensor('float32', shape, out);
    }
    case 'int8':
    case 'int16':
      return requantize(ctx, acc, shape, channelAxis, dtype);
    default:
      throw nodeError(ctx, `out_dtype '${dtype}' is not supported`);
  }
}

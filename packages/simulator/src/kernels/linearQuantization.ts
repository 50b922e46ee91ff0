import {
  allocateStorage,
  dtypeInfo,
  type Kernel,
  type KernelContext,
  LINEAR_QUANT_DTYPES,
  linearQuantAxis,
  roundHalfToEven,
  Tensor,
} from '@qtk/ir';
import { optionalInput, requireDType, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import type { NumberStorage } from './storage.js';

/** For element i of `x`, the index of its scale and zero point (0 per tensor, its channel per axis). */
function channelIndexer(
  ctx: KernelContext,
  x: Tensor,
  scale: Tensor,
  zeroPoint: Tensor | undefined,
): (i: number) => number {
  requireDType(ctx, scale, 'float32', 'scale');
  if (zeroPoint && (zeroPoint.size !== scale.size || zeroPoint.shape.length !== scale.shape.length)) {
    throw nodeError(ctx, `zero point has ${zeroPoint.size} values, scale ${scale.size}`);
  }
  const axis = linearQuantAxis(x.shape, scale.shape, ctx.attrs.int('axis'));
  if (typeof axis === 'string') throw nodeError(ctx, axis);
  if (axis === null) return () => 0;
  const channels = x.shape[axis] as number;
  let inner = 1;
  for (let k = axis + 1; k < x.shape.length; k++) inner *= x.shape[k] as number;
  return (i) => Math.floor(i / inner) % channels;
}

/**
 * ONNX QuantizeLinear: `saturate(round_half_to_even(x / scale) + zero_point)` with the division in
 * float32 (as ONNX's reference and onnxruntime compute it), per tensor or per axis. NaN has no
 * integer value: an error naming the node.
 */
export const quantizeLinearKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  requireDType(ctx, x, 'float32', 'input');
  const scale = requiredInput(ctx, 1);
  const zeroPoint = requiredInput(ctx, 2);
  if (!LINEAR_QUANT_DTYPES.includes(zeroPoint.dtype)) {
    throw nodeError(ctx, `zero point is ${zeroPoint.dtype}, expected ${LINEAR_QUANT_DTYPES.join(', ')}`);
  }
  const channelOf = channelIndexer(ctx, x, scale, zeroPoint);
  const { min, max } = dtypeInfo(zeroPoint.dtype);
  const src = x.data as Float32Array;
  const s = scale.data as Float32Array;
  const z = zeroPoint.data as NumberStorage;
  const out = allocateStorage(zeroPoint.dtype, src.length) as NumberStorage;
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    if (Number.isNaN(v)) throw nodeError(ctx, `input element ${i} is NaN, which has no quantized value`);
    const c = channelOf(i);
    const q = roundHalfToEven(Math.fround(v / (s[c] as number))) + (z[c] as number);
    out[i] = Math.min(Math.max(q, min), max);
  }
  return [new Tensor(zeroPoint.dtype, x.shape, out)];
};

/**
 * ONNX DequantizeLinear: `(x - zero_point) * scale` in float32, per tensor or per axis. The
 * difference is rounded to float32 before the product, as onnxruntime computes it (it matters only
 * for int32 values beyond 2^24).
 */
export const dequantizeLinearKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (!LINEAR_QUANT_DTYPES.includes(x.dtype) && x.dtype !== 'int32') {
    throw nodeError(ctx, `input is ${x.dtype}, expected ${[...LINEAR_QUANT_DTYPES, 'int32'].join(', ')}`);
  }
  const scale = requiredInput(ctx, 1);
  const zeroPoint = optionalInput(ctx, 2);
  if (zeroPoint) requireDType(ctx, zeroPoint, x.dtype, 'zero point');
  const channelOf = channelIndexer(ctx, x, scale, zeroPoint);
  const src = x.data as NumberStorage;
  const s = scale.data as Float32Array;
  const z = zeroPoint?.data as NumberStorage | undefined;
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const c = channelOf(i);
    out[i] = Math.fround((src[i] as number) - (z ? (z[c] as number) : 0)) * (s[c] as number);
  }
  return [new Tensor('float32', x.shape, out)];
};

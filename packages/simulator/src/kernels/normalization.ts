import { formatShape, type Kernel, type KernelContext, normalizeAxis, numel, shapesEqual, Tensor } from '@qtk/ir';
import { broadcastConcrete, broadcastTo } from './broadcast.js';
import { floatInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * Inference-mode BatchNorm over channel dim 1: (x - mean) / sqrt(var + epsilon) * scale + B, with
 * the per-channel factor computed once in double.
 */
export const batchNormKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  if (x.rank < 2) throw nodeError(ctx, `input must be N x C x ..., got ${formatShape(x.shape)}`);
  const channels = x.shape[1];
  const [scale, bias, mean, variance] = [1, 2, 3, 4].map((i) => {
    const t = floatInput(ctx, i);
    if (t.size !== channels || t.rank !== 1) {
      throw nodeError(ctx, `input ${i} must be [${channels}], got ${formatShape(t.shape)}`);
    }
    return t.data;
  }) as [
    Float32Array | Float64Array,
    Float32Array | Float64Array,
    Float32Array | Float64Array,
    Float32Array | Float64Array,
  ];
  const epsilon = ctx.attrs.float('epsilon');
  const inner = numel(x.shape.slice(2));
  const batches = x.shape[0];
  const out = Tensor.zeros(x.dtype, x.shape);
  const src = x.data;
  const dst = out.data;
  for (let c = 0; c < channels; c++) {
    const factor = scale[c] / Math.sqrt(variance[c] + epsilon);
    const m = mean[c];
    const b = bias[c];
    for (let n = 0; n < batches; n++) {
      const base = (n * channels + c) * inner;
      for (let i = base; i < base + inner; i++) dst[i] = (src[i] - m) * factor + b;
    }
  }
  return [out];
};

/** Scale or bias of a LayerNorm, repeated out to the normalized dims (absent: `undefined`). */
function normalizedParameter(
  ctx: KernelContext,
  index: number,
  normalized: readonly number[],
): Float64Array | undefined {
  const t = ctx.inputs[index];
  if (!t) return undefined;
  const p = floatInput(ctx, index);
  const fits = broadcastConcrete(p.shape, normalized);
  if (!fits || !shapesEqual(fits, normalized)) {
    throw nodeError(
      ctx,
      `${index === 1 ? 'scale' : 'bias'} ${formatShape(p.shape)} does not broadcast to the normalized dims ${formatShape(normalized)}`,
    );
  }
  return broadcastTo(p.data, p.shape, normalized);
}

/**
 * LayerNorm over dims axis..last (ONNX LayerNormalization): mean and variance (biased, two-pass) in
 * double, then (x - mean) / sqrt(var + epsilon) * scale + bias.
 */
export const layerNormKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  const axis = normalizeAxis(ctx.attrs.int('axis'), x.rank);
  if (axis === undefined)
    throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} is out of range for ${formatShape(x.shape)}`);
  const normalized = x.shape.slice(axis);
  const scale = normalizedParameter(ctx, 1, normalized);
  const bias = normalizedParameter(ctx, 2, normalized);
  const epsilon = ctx.attrs.float('epsilon');
  const d = numel(normalized);
  const rows = numel(x.shape.slice(0, axis));
  const out = Tensor.zeros(x.dtype, x.shape);
  const src = x.data;
  const dst = out.data;
  // The optional Mean and InvStdDev outputs: float32, one per row, shaped [d0..d(axis-1), 1, ...].
  const statsShape = x.shape.map((d, k) => (k < axis ? d : 1));
  const means = ctx.node.outputs.length > 1 ? new Float32Array(rows) : undefined;
  const invs = ctx.node.outputs.length > 2 ? new Float32Array(rows) : undefined;
  for (let r = 0; r < rows; r++) {
    const base = r * d;
    let sum = 0;
    for (let i = 0; i < d; i++) sum += src[base + i];
    const mean = sum / d;
    let squares = 0;
    for (let i = 0; i < d; i++) {
      const c = src[base + i] - mean;
      squares += c * c;
    }
    const inv = 1 / Math.sqrt(squares / d + epsilon);
    if (means) means[r] = mean;
    if (invs) invs[r] = inv;
    for (let i = 0; i < d; i++) {
      let y = (src[base + i] - mean) * inv;
      if (scale) y *= scale[i];
      if (bias) y += bias[i];
      dst[base + i] = y;
    }
  }
  const stats = [means, invs].filter((v) => v !== undefined).map((v) => new Tensor('float32', statsShape, v));
  return [out, ...stats];
};

/**
 * InstanceNormalization: per image and channel, mean and biased variance over the spatial dims
 * (two-pass, in double), then (x - mean) / sqrt(var + epsilon) * scale[c] + B[c].
 */
export const instanceNormKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  if (x.rank < 3) throw nodeError(ctx, `input must be N x C x D1 x ..., got ${formatShape(x.shape)}`);
  const channels = x.shape[1] as number;
  const [scale, bias] = [1, 2].map((i) => {
    const t = floatInput(ctx, i);
    if (t.rank !== 1 || t.size !== channels) {
      throw nodeError(ctx, `${i === 1 ? 'scale' : 'B'} must be [${channels}], got ${formatShape(t.shape)}`);
    }
    return t.data;
  }) as [Float32Array | Float64Array, Float32Array | Float64Array];
  const epsilon = ctx.attrs.float('epsilon');
  const d = numel(x.shape.slice(2));
  const rows = (x.shape[0] as number) * channels;
  const out = Tensor.zeros(x.dtype, x.shape);
  const src = x.data;
  const dst = out.data;
  for (let r = 0; r < rows; r++) {
    const base = r * d;
    let sum = 0;
    for (let i = 0; i < d; i++) sum += src[base + i] as number;
    const mean = sum / d;
    let squares = 0;
    for (let i = 0; i < d; i++) {
      const c = (src[base + i] as number) - mean;
      squares += c * c;
    }
    const c = r % channels;
    const factor = (scale[c] as number) / Math.sqrt(squares / d + epsilon);
    const b = bias[c] as number;
    for (let i = 0; i < d; i++) dst[base + i] = ((src[base + i] as number) - mean) * factor + b;
  }
  return [out];
};

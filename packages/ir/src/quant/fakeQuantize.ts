import { allocateStorage } from '../dtype/DType.js';
import { QtkError } from '../errors/QtkError.js';
import { normalizeAxis } from '../shape/Shape.js';
import { Tensor } from '../tensor/Tensor.js';
import { quantDTypeInfo } from './QuantDType.js';
import type { QuantParams } from './QuantParams.js';
import { roundWith } from './RoundingMode.js';

/** For element i of a tensor of `shape`, which scale applies (per-tensor or per-channel). */
function scaleIndexer(shape: readonly number[], params: QuantParams, what: string): (i: number) => number {
  if (params.axis === undefined) {
    if (params.scales.length !== 1) {
      throw new QtkError(
        'quant.params',
        `${what}: per-tensor quantization needs one scale, got ${params.scales.length}`,
      );
    }
    return () => 0;
  }
  const axis = normalizeAxis(params.axis, shape.length);
  if (axis === undefined)
    throw new QtkError('quant.params', `${what}: axis ${params.axis} out of range for rank ${shape.length}`);
  const channels = shape[axis] as number;
  if (params.scales.length !== channels) {
    throw new QtkError(
      'quant.params',
      `${what}: ${channels} channels on axis ${axis} but ${params.scales.length} scales`,
    );
  }
  let inner = 1;
  for (let k = axis + 1; k < shape.length; k++) inner *= shape[k] as number;
  return (i) => Math.floor(i / inner) % channels;
}

function checkScales(params: QuantParams, what: string): void {
  for (const s of params.scales) {
    if (!(s > 0) || !Number.isFinite(s))
      throw new QtkError('quant.params', `${what}: scale ${s} is not a positive finite number`);
  }
}

/** What {@link quantizeTensor} and {@link fakeQuantizeTensor} counts while it runs. */
export interface FakeQuantizeStats {
  /**
   * Values clamped by more than half a step: `x / scale` beyond [qmin - 0.5, qmax + 0.5]. (The
   * absmax / 127.5 rule maps the largest value to 127.5 on purpose; clamping it to 127 costs no
   * more than rounding does, and is not counted.)
   */
  saturated: number;
}

/**
 * `clamp(round(x / scale), qmin, qmax)` as integers in the dtype's storage (int8, int16, int32).
 * The division is float32 division (as ONNX QuantizeLinear computes it).
 */
export function quantizeTensor(x: Tensor, params: QuantParams, what = 'tensor', stats?: FakeQuantizeStats): Tensor {
  checkScales(params, what);
  const { qmin, qmax, storage } = quantDTypeInfo(params.dtype);
  const mode = params.rounding ?? 'half-to-even';
  const scaleOf = scaleIndexer(x.shape, params, what);
  const src = x.data as Float32Array | Float64Array;
  const out = allocateStorage(storage, src.length) as Int8Array | Int16Array | Int32Array;
  let saturated = 0;
  for (let i = 0; i < src.length; i++) {
    const r = Math.fround((src[i] as number) / (params.scales[scaleOf(i)] as number));
    if (r > qmax + 0.5 || r < qmin - 0.5) saturated++;
    out[i] = Math.min(Math.max(roundWith(mode, r), qmin), qmax);
  }
  if (stats) stats.saturated += saturated;
  return new Tensor(storage, x.shape, out);
}

/** `q * scale` as float32. */
export function dequantizeTensor(q: Tensor, params: QuantParams, what = 'tensor'): Tensor<'float32'> {
  checkScales(params, what);
  const scaleOf = scaleIndexer(q.shape, params, what);
  const src = q.data as Int8Array | Int16Array | Int32Array;
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = (src[i] as number) * (params.scales[scaleOf(i)] as number);
  return new Tensor('float32', q.shape, out);
}

/**
 * Quantize then dequantize: what a quantized value will be, seen in float (the input's float
 * dtype). NaN stays NaN (callers that must not see NaN check before); infinities saturate.
 * Saturated values are counted into `stats` when given.
 */
export function fakeQuantizeTensor(x: Tensor, params: QuantParams, what = 'tensor', stats?: FakeQuantizeStats): Tensor {
  checkScales(params, what);
  const { qmin, qmax } = quantDTypeInfo(params.dtype);
  const mode = params.rounding ?? 'half-to-even';
  const scaleOf = scaleIndexer(x.shape, params, what);
  const src = x.data as Float32Array | Float64Array;
  const dtype = x.dtype === 'float64' ? 'float64' : 'float32';
  const out = allocateStorage(dtype, src.length);
  let saturated = 0;
  for (let i = 0; i < src.length; i++) {
    const s = params.scales[scaleOf(i)] as number;
    const v = src[i] as number;
    if (Number.isNaN(v)) {
      out[i] = v;
      continue;
    }
    const r = Math.fround(v / s);
    if (r > qmax + 0.5 || r < qmin - 0.5) saturated++;
    out[i] = Math.min(Math.max(roundWith(mode, r), qmin), qmax) * s;
  }
  if (stats) stats.saturated += saturated;
  return new Tensor(dtype, x.shape, out);
}

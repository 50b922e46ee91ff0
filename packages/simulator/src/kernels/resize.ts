import {
  type AxisTaps,
  isFloatDType,
  type Kernel,
  type KernelContext,
  nearestTaps,
  numel,
  type ResizeAttributes,
  type ResizeAxis,
  readResizeAttributes,
  resizeTaps,
  resolveResizeAxes,
  stridesOf,
  Tensor,
  type TensorData,
} from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/** The values of a float input (roi, scales), or undefined when absent. */
function floatValues(ctx: KernelContext, index: number, what: string): number[] | undefined {
  const t = ctx.inputs[index];
  if (!t) return undefined;
  if (!isFloatDType(t.dtype)) throw nodeError(ctx, `${what} must be float32, got ${t.dtype}`);
  return t.toNumbers();
}

/** Output element `out` takes `extrapolation_value` when any of its coordinates is outside (tf_crop_and_resize). */
function hasOutside(taps: readonly AxisTaps[]): boolean {
  return taps.some((t) => t.outside.includes(1));
}

/**
 * Nearest mode: each output element is the input element at the per-axis indices (any dtype);
 * `extrapolation_value` (cast to the dtype) where tf_crop_and_resize reads outside the input.
 */
function gatherNearest(x: Tensor, outShape: readonly number[], taps: readonly AxisTaps[], fill: number): Tensor {
  const out = Tensor.zeros(x.dtype, outShape);
  const src = x.data as TensorData;
  const dst = out.data as TensorData;
  const fillValue = dst instanceof BigInt64Array ? BigInt(Math.trunc(fill)) : fill;
  const strides = stridesOf(x.shape);
  const rank = x.rank;
  let o = 0;
  const walk = (k: number, base: number, outside: boolean): void => {
    const t = taps[k] as AxisTaps;
    const stride = strides[k] as number;
    const n = outShape[k] as number;
    if (k === rank - 1) {
      for (let i = 0; i < n; i++, o++) {
        dst[o] = outside || t.outside[i] ? fillValue : (src[base + (t.indices[i] as number) * stride] as never);
      }
      return;
    }
    for (let i = 0; i < n; i++) walk(k + 1, base + (t.indices[i] as number) * stride, outside || t.outside[i] === 1);
  };
  walk(0, 0, false);
  return out;
}

/**
 * One interpolation pass along `axis` of `values` (shape `shape`): each output index is the
 * weighted sum of its taps, in double.
 */
function interpolateAxis(
  values: Float64Array,
  shape: number[],
  axis: number,
  taps: AxisTaps,
  outLength: number,
): Float64Array {
  const outer = numel(shape.slice(0, axis));
  const length = shape[axis] as number;
  const inner = numel(shape.slice(axis + 1));
  const out = new Float64Array(outer * outLength * inner);
  const n = taps.taps;
  if (inner === 1) {
    // The last axis: one weighted sum per output element.
    for (let r = 0; r < outer; r++) {
      const src = r * length;
      const dst = r * outLength;
      for (let o = 0; o < outLength; o++) {
        let sum = 0;
        for (let k = o * n; k < (o + 1) * n; k++) {
          sum += (taps.weights[k] as number) * (values[src + (taps.indices[k] as number)] as number);
        }
        out[dst + o] = sum;
      }
    }
    shape[axis] = outLength;
    return out;
  }
  for (let r = 0; r < outer; r++) {
    for (let o = 0; o < outLength; o++) {
      const dst = (r * outLength + o) * inner;
      for (let k = 0; k < n; k++) {
        const w = taps.weights[o * n + k] as number;
        if (w === 0) continue;
        const src = (r * length + (taps.indices[o * n + k] as number)) * inner;
        for (let j = 0; j < inner; j++) out[dst + j] = (out[dst + j] as number) + w * (values[src + j] as number);
      }
    }
  }
  shape[axis] = outLength;
  return out;
}

/** Writes `fill` into every element of `values` (shape `outShape`) whose coordinate on some axis is outside. */
function extrapolate(values: Float64Array, outShape: readonly number[], taps: readonly AxisTaps[], fill: number): void {
  const rank = outShape.length;
  let o = 0;
  const walk = (k: number, outside: boolean): void => {
    const t = taps[k] as AxisTaps;
    const n = outShape[k] as number;
    for (let i = 0; i < n; i++) {
      const out = outside || t.outside[i] === 1;
      if (k < rank - 1) walk(k + 1, out);
      else {
        if (out) values[o] = fill;
        o++;
      }
    }
  };
  walk(0, false);
}

/** Linear and cubic modes: separable passes over the resized axes, in double, then the input's float dtype. */
function interpolate(ctx: KernelContext, x: Tensor, attrs: ResizeAttributes, axes: readonly ResizeAxis[]): Tensor {
  if (!isFloatDType(x.dtype)) throw nodeError(ctx, `${attrs.mode} mode needs float32 or float64 data, got ${x.dtype}`);
  const taps = axes.map((a) => resizeTaps(attrs, a));
  const shape = [...x.shape];
  let values: Float64Array = Float64Array.from(x.data as ArrayLike<number>);
  axes.forEach((a, k) => {
    if (a.scale !== 1 || a.outLength !== a.inLength) {
      values = interpolateAxis(values, shape, k, taps[k] as AxisTaps, a.outLength);
    }
  });
  if (hasOutside(taps)) extrapolate(values, shape, taps, attrs.extrapolationValue);
  return x.dtype === 'float32'
    ? new Tensor('float32', shape, Float32Array.from(values))
    : new Tensor('float64', shape, values);
}

/**
 * ONNX Resize as qtk's core op defines it (see `Resize` in `@qtk/ir`), with onnxruntime's
 * arithmetic: output lengths and source coordinates in float32, nearest indices rounded its way,
 * an axis with scale 1 unchanged, an output of the input's shape a copy of it. Nearest mode on any
 * dtype (integer tensors of converted graphs included); linear and cubic on float32/float64.
 */
export const resizeKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.rank === 0) throw nodeError(ctx, 'input must have at least one dim');
  const attrs = readResizeAttributes(ctx.attrs, x.rank);
  if (typeof attrs === 'string') throw nodeError(ctx, attrs);
  const roi = floatValues(ctx, 1, 'roi');
  const scales = floatValues(ctx, 2, 'scales');
  const sizesTensor = ctx.inputs[3];
  if (sizesTensor && sizesTensor.dtype !== 'int64')
    throw nodeError(ctx, `sizes must be int64, got ${sizesTensor.dtype}`);
  const axes = resolveResizeAxes(x.shape, attrs, roi, scales, sizesTensor?.toNumbers());
  if (typeof axes === 'string') throw nodeError(ctx, axes);
  const outShape = axes.map((a) => a.outLength);
  if (outShape.every((d, k) => d === x.shape[k])) return [new Tensor(x.dtype, outShape, x.data.slice() as never)];
  if (attrs.mode === 'nearest') {
    return [
      gatherNearest(
        x,
        outShape,
        axes.map((a) => nearestTaps(attrs, a)),
        attrs.extrapolationValue,
      ),
    ];
  }
  return [interpolate(ctx, x, attrs, axes)];
};

import type { Dim } from '../../shape/Shape.js';
import { normalizeAxis } from '../../shape/Shape.js';
import type { AttributeReader } from '../AttributeReader.js';

/** Resize's interpolation modes. */
export const RESIZE_MODES = ['nearest', 'linear', 'cubic'] as const;
/** A Resize interpolation mode. */
export type ResizeMode = (typeof RESIZE_MODES)[number];

/** How an output coordinate maps to an input one (ONNX `coordinate_transformation_mode`). */
export const COORDINATE_TRANSFORMATION_MODES = [
  'half_pixel',
  'half_pixel_symmetric',
  'pytorch_half_pixel',
  'align_corners',
  'asymmetric',
  'tf_crop_and_resize',
] as const;
/** A Resize coordinate transformation mode. */
export type CoordinateTransformationMode = (typeof COORDINATE_TRANSFORMATION_MODES)[number];

/** How nearest mode rounds a source coordinate to an index. */
export const NEAREST_MODES = ['round_prefer_floor', 'round_prefer_ceil', 'floor', 'ceil'] as const;
/** A Resize nearest mode. */
export type NearestMode = (typeof NEAREST_MODES)[number];

/** How `sizes` is honoured (opset 18): exactly, or keeping the aspect ratio. */
export const KEEP_ASPECT_RATIO_POLICIES = ['stretch', 'not_larger', 'not_smaller'] as const;
/** A Resize keep-aspect-ratio policy. */
export type KeepAspectRatioPolicy = (typeof KEEP_ASPECT_RATIO_POLICIES)[number];

/** A Resize node's attributes, checked, with its `axes` resolved against the input's rank. */
export interface ResizeAttributes {
  readonly mode: ResizeMode;
  readonly coordinateTransformationMode: CoordinateTransformationMode;
  readonly nearestMode: NearestMode;
  readonly cubicCoeffA: number;
  readonly excludeOutside: boolean;
  readonly extrapolationValue: number;
  readonly keepAspectRatioPolicy: KeepAspectRatioPolicy;
  /** The axes `roi`, `scales` and `sizes` speak of, in their order (all axes when unset). */
  readonly axes: readonly number[];
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** Reads and checks a Resize node's attributes for an input of `rank`; a message when one is wrong. */
export function readResizeAttributes(attrs: AttributeReader, rank: number): ResizeAttributes | string {
  const mode = attrs.string('mode');
  const ctm = attrs.string('coordinate_transformation_mode');
  const nearestMode = attrs.string('nearest_mode');
  const policy = attrs.string('keep_aspect_ratio_policy');
  if (!isOneOf(mode, RESIZE_MODES)) return `mode '${mode}' is not one of ${RESIZE_MODES.join(', ')}`;
  if (!isOneOf(ctm, COORDINATE_TRANSFORMATION_MODES)) {
    return `coordinate_transformation_mode '${ctm}' is not one of ${COORDINATE_TRANSFORMATION_MODES.join(', ')}`;
  }
  if (!isOneOf(nearestMode, NEAREST_MODES)) {
    return `nearest_mode '${nearestMode}' is not one of ${NEAREST_MODES.join(', ')}`;
  }
  if (!isOneOf(policy, KEEP_ASPECT_RATIO_POLICIES)) {
    return `keep_aspect_ratio_policy '${policy}' is not one of ${KEEP_ASPECT_RATIO_POLICIES.join(', ')}`;
  }
  const excludeOutside = attrs.int('exclude_outside') !== 0;
  if (excludeOutside && mode !== 'cubic') return 'exclude_outside applies to cubic mode only';
  const axes: number[] = [];
  for (const a of attrs.optionalInts('axes') ?? Array.from({ length: rank }, (_, i) => i)) {
    const axis = normalizeAxis(a, rank);
    if (axis === undefined) return `axis ${a} out of range for rank ${rank}`;
    if (axes.includes(axis)) return `axis ${axis} appears twice in axes`;
    axes.push(axis);
  }
  return {
    mode,
    coordinateTransformationMode: ctm,
    nearestMode,
    cubicCoeffA: attrs.float('cubic_coeff_a'),
    excludeOutside,
    extrapolationValue: attrs.float('extrapolation_value'),
    keepAspectRatioPolicy: policy,
    axes,
  };
}

/** The resize of one axis, as the coordinate formulas see it. */
export interface ResizeAxis {
  readonly inLength: number;
  readonly outLength: number;
  /** The float32 scale the formulas divide by: the given one, or `outLength / inLength` from sizes. */
  readonly scale: number;
  /** The crop of `tf_crop_and_resize`, as fractions of the input (0 and 1 otherwise). */
  readonly roiStart: number;
  readonly roiEnd: number;
}

/**
 * The output length of one axis from its scale, as onnxruntime computes it:
 * `floor(scale * length)` with the product rounded to float32.
 */
export function scaledLength(length: number, scale: number): number {
  return Math.floor(Math.fround(Math.fround(scale) * length));
}

/**
 * Resolves every axis of a Resize from its input shape and the values of `roi`, `scales` and
 * `sizes` (one of the last two; lists of `attrs.axes.length` or of the rank entries), with
 * onnxruntime's rules: output lengths `floor(scale * in)`, or the sizes with `scale = out / in` in
 * float32 (1 for an empty axis), adjusted by the keep-aspect-ratio policy (one scale for the listed
 * axes, `round(scale * in)`). A message when the inputs do not fit.
 */
export function resolveResizeAxes(
  inShape: readonly number[],
  attrs: ResizeAttributes,
  roi: readonly number[] | undefined,
  scales: readonly number[] | undefined,
  sizes: readonly number[] | undefined,
): ResizeAxis[] | string {
  const rank = inShape.length;
  const { axes } = attrs;
  // One entry per axis of `axes`, spread over all axes (the others filled in).
  const full = (values: readonly number[], fill: (axis: number) => number, what: string): number[] | string => {
    if (values.length !== axes.length) return `${what} has ${values.length} entries, expected ${axes.length}`;
    return inShape.map((_, k) => (axes.includes(k) ? (values[axes.indexOf(k)] as number) : fill(k)));
  };
  let starts = inShape.map(() => 0);
  let ends = inShape.map(() => 1);
  if (attrs.coordinateTransformationMode === 'tf_crop_and_resize') {
    if (!roi) return 'tf_crop_and_resize needs roi';
    const n = axes.length;
    if (roi.length !== 2 * n) return `roi has ${roi.length} entries, expected ${2 * n}`;
    const s = full(roi.slice(0, n), () => 0, 'roi');
    const e = full(roi.slice(n), () => 1, 'roi');
    if (typeof s === 'string') return s;
    if (typeof e === 'string') return e;
    starts = s.map(Math.fround);
    ends = e.map(Math.fround);
  }
  const axis = (k: number, outLength: number, scale: number): ResizeAxis => ({
    inLength: inShape[k] as number,
    outLength,
    scale,
    roiStart: starts[k] as number,
    roiEnd: ends[k] as number,
  });
  if (scales && scales.length > 0) {
    const s = full(scales, () => 1, 'scales');
    if (typeof s === 'string') return s;
    if (s.some((v) => !(v > 0))) return `scales must be positive, got [${s.join(', ')}]`;
    return s.map((v, k) => axis(k, scaledLength(inShape[k] as number, v), Math.fround(v)));
  }
  if (!sizes) return 'one of scales and sizes must be given';
  const o = full(sizes, (k) => inShape[k] as number, 'sizes');
  if (typeof o === 'string') return o;
  if (o.some((v) => !Number.isInteger(v) || v < 0)) return `sizes must be non-negative integers, got [${o.join(', ')}]`;
  const ratio = o.map((out, k) => {
    const length = inShape[k] as number;
    return length === 0 ? 1 : Math.fround(Math.fround(out) / Math.fround(length));
  });
  for (let k = 0; k < rank; k++) {
    if (inShape[k] === 0 && o[k] !== 0) return `axis ${k} is empty, so its size must be 0, got ${o[k]}`;
  }
  const policy = attrs.keepAspectRatioPolicy;
  if (policy === 'stretch') return o.map((out, k) => axis(k, out, ratio[k] as number));
  const listed = axes.map((k) => ratio[k] as number);
  const kept = policy === 'not_larger' ? Math.min(...listed) : Math.max(...listed);
  return inShape.map((length, k) =>
    axes.includes(k) ? axis(k, Math.round(Math.fround(kept * length)), kept) : axis(k, length, 1),
  );
}

/**
 * The output dims of a Resize when only some inputs are known: `scales` or `sizes` constant, input
 * dims possibly symbolic (`'?'` where an output dim cannot be known before running).
 */
export function resizeOutputDims(
  inShape: readonly Dim[],
  attrs: ResizeAttributes,
  scales: readonly number[] | undefined,
  sizes: readonly number[] | undefined,
): Dim[] | string {
  if (inShape.every((d): d is number => typeof d === 'number') && ((scales && scales.length > 0) || sizes)) {
    // The crop plays no part in the output's dims: resolve without it.
    const uncropped = { ...attrs, coordinateTransformationMode: 'half_pixel' as const };
    const r = resolveResizeAxes(inShape, uncropped, undefined, scales, sizes);
    return typeof r === 'string' ? r : r.map((a) => a.outLength);
  }
  if (sizes && !(scales && scales.length > 0) && attrs.keepAspectRatioPolicy === 'stretch') {
    if (sizes.length !== attrs.axes.length) return `sizes has ${sizes.length} entries, expected ${attrs.axes.length}`;
    return inShape.map((d, k) => (attrs.axes.includes(k) ? (sizes[attrs.axes.indexOf(k)] as number) : d));
  }
  if (scales && scales.length > 0) {
    if (scales.length !== attrs.axes.length)
      return `scales has ${scales.length} entries, expected ${attrs.axes.length}`;
    return inShape.map((d, k) => {
      if (!attrs.axes.includes(k)) return d;
      const s = scales[attrs.axes.indexOf(k)] as number;
      return typeof d === 'number' ? scaledLength(d, s) : s === 1 ? d : '?';
    });
  }
  return inShape.map(() => '?');
}

/**
 * The input coordinate of output index `x` along `axis`, in float32 as onnxruntime computes it
 * (the formulas of ONNX's `coordinate_transformation_mode`). An axis whose scale is exactly 1 maps
 * each index to itself whatever the mode (onnxruntime's rule).
 */
export function resizeSourceCoordinate(mode: CoordinateTransformationMode, x: number, axis: ResizeAxis): number {
  const f = Math.fround;
  const { scale, inLength, outLength, roiStart, roiEnd } = axis;
  if (scale === 1) return x;
  switch (mode) {
    case 'asymmetric':
      return f(x / scale);
    case 'pytorch_half_pixel':
      return outLength > 1 ? f(f(f(x + 0.5) / scale) - 0.5) : 0;
    case 'align_corners':
      return outLength === 1 ? 0 : f(f(x * (inLength - 1)) / (outLength - 1));
    case 'tf_crop_and_resize':
      return outLength > 1
        ? f(f(roiStart * (inLength - 1)) + f(f(f(x * f(roiEnd - roiStart)) * (inLength - 1)) / (outLength - 1)))
        : f(0.5 * f(roiStart + roiEnd) * (inLength - 1));
    case 'half_pixel_symmetric': {
      const adjustment = f(outLength / f(scale * inLength));
      const offset = f(f(inLength / 2) * f(1 - adjustment));
      return f(offset + (x + 0.5) / scale - 0.5);
    }
    default:
      return f(f(f(x + 0.5) / scale) - 0.5);
  }
}

/** True when `tf_crop_and_resize` puts coordinate `c` outside the input, where the output is `extrapolation_value`. */
export function isExtrapolated(mode: CoordinateTransformationMode, c: number, axis: ResizeAxis): boolean {
  return mode === 'tf_crop_and_resize' && (c < 0 || c > axis.inLength - 1);
}

/**
 * How close to a half a float32 source coordinate must be to count as one in the round modes:
 * onnxruntime's tolerance, so that a tie the exact arithmetic has (14.5 computed as 14.499999)
 * rounds the way nearest_mode says.
 */
export const NEAREST_TIE_TOLERANCE = 1e-6;

/**
 * The index nearest mode takes for source coordinate `c` (before clamping to the input), as
 * onnxruntime rounds: `floor` and `ceil` as named; the round modes round to the nearest index, and
 * a coordinate within {@link NEAREST_TIE_TOLERANCE} of a half goes down (`round_prefer_floor`) or
 * up (`round_prefer_ceil`).
 */
export function nearestIndex(mode: NearestMode, c: number): number {
  if (mode === 'floor') return Math.floor(c);
  if (mode === 'ceil') return Math.ceil(c);
  const below = Math.floor(c);
  if (Math.abs(c - below - 0.5) <= NEAREST_TIE_TOLERANCE) return mode === 'round_prefer_floor' ? below : below + 1;
  return c - below < 0.5 ? below : below + 1;
}

/**
 * The taps of an interpolation along one axis: for each output index, `taps` input indices (inside
 * the input) and their weights; `outside[i]` when output index i takes `extrapolation_value`.
 */
export interface AxisTaps {
  readonly taps: number;
  readonly indices: Int32Array;
  readonly weights: Float64Array;
  readonly outside: Uint8Array;
}

function emptyTaps(outLength: number, taps: number): AxisTaps {
  return {
    taps,
    indices: new Int32Array(outLength * taps),
    weights: new Float64Array(outLength * taps),
    outside: new Uint8Array(outLength),
  };
}

/** The taps of nearest mode along `axis`: one index per output index, weight 1. */
export function nearestTaps(attrs: ResizeAttributes, axis: ResizeAxis): AxisTaps {
  const t = emptyTaps(axis.outLength, 1);
  for (let x = 0; x < axis.outLength; x++) {
    const c = resizeSourceCoordinate(attrs.coordinateTransformationMode, x, axis);
    t.outside[x] = isExtrapolated(attrs.coordinateTransformationMode, c, axis) ? 1 : 0;
    t.indices[x] = Math.min(Math.max(axis.scale === 1 ? x : nearestIndex(attrs.nearestMode, c), 0), axis.inLength - 1);
    t.weights[x] = 1;
  }
  return t;
}

/**
 * The taps of linear mode along `axis`, as onnxruntime computes them: the coordinate clamped to
 * [0, in - 1], the two indices around it (the same one twice at the last index, each weighing 1/2),
 * weights `1 - d` and `d` for the distance d from the lower index.
 */
export function linearTaps(attrs: ResizeAttributes, axis: ResizeAxis): AxisTaps {
  const t = emptyTaps(axis.outLength, 2);
  const last = axis.inLength - 1;
  for (let x = 0; x < axis.outLength; x++) {
    const c = resizeSourceCoordinate(attrs.coordinateTransformationMode, x, axis);
    t.outside[x] = isExtrapolated(attrs.coordinateTransformationMode, c, axis) ? 1 : 0;
    const v = Math.max(0, Math.min(c, last));
    const i1 = Math.min(Math.trunc(v), last);
    const i2 = Math.min(i1 + 1, last);
    t.indices[2 * x] = i1;
    t.indices[2 * x + 1] = i2;
    const d = v - i1;
    t.weights[2 * x] = i1 === i2 ? 0.5 : 1 - d;
    t.weights[2 * x + 1] = i1 === i2 ? 0.5 : d;
  }
  return t;
}

/**
 * Keys' cubic convolution weights of the four taps at distances `1 + s`, `s`, `1 - s`, `2 - s`
 * from a coordinate `s` past the second tap, with coefficient `a` (-0.75 as PyTorch, -0.5 as
 * TensorFlow).
 */
export function cubicWeights(s: number, a: number): [number, number, number, number] {
  const near = (d: number) => ((a + 2) * d - (a + 3)) * d * d + 1;
  const far = (d: number) => ((a * d - 5 * a) * d + 8 * a) * d - 4 * a;
  return [far(s + 1), near(s), near(1 - s), far(2 - s)];
}

/**
 * The taps of cubic mode along `axis`: the four indices around the coordinate's floor, clamped to
 * the input (edge padding), Keys' weights; with `exclude_outside` the weights of taps beyond the
 * input are 0 and the others renormalized to sum to 1.
 */
export function cubicTaps(attrs: ResizeAttributes, axis: ResizeAxis): AxisTaps {
  const t = emptyTaps(axis.outLength, 4);
  const last = axis.inLength - 1;
  for (let x = 0; x < axis.outLength; x++) {
    const c = resizeSourceCoordinate(attrs.coordinateTransformationMode, x, axis);
    t.outside[x] = isExtrapolated(attrs.coordinateTransformationMode, c, axis) ? 1 : 0;
    const base = Math.floor(c);
    const w = cubicWeights(c - base, attrs.cubicCoeffA);
    let sum = 0;
    for (let k = 0; k < 4; k++) {
      const i = base - 1 + k;
      if (attrs.excludeOutside && (i < 0 || i > last)) w[k] = 0;
      sum += w[k] as number;
    }
    for (let k = 0; k < 4; k++) {
      t.indices[4 * x + k] = Math.min(Math.max(base - 1 + k, 0), last);
      t.weights[4 * x + k] = attrs.excludeOutside ? (w[k] as number) / sum : (w[k] as number);
    }
  }
  return t;
}

/** The taps of `attrs.mode` along `axis`. */
export function resizeTaps(attrs: ResizeAttributes, axis: ResizeAxis): AxisTaps {
  if (attrs.mode === 'nearest') return nearestTaps(attrs, axis);
  return attrs.mode === 'linear' ? linearTaps(attrs, axis) : cubicTaps(attrs, axis);
}

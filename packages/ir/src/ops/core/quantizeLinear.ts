import type { DType } from '../../dtype/DType.js';
import type { TensorType } from '../../graph/TensorType.js';
import { formatShape, normalizeAxis, type Shape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * Where the scale of an ONNX QuantizeLinear / DequantizeLinear applies to an input of shape
 * `input`: `null` when it is per tensor (a scalar or a one-element 1-D scale), the normalized axis
 * when it is a 1-D scale with one entry per index of `axis`. Returns an error message instead when
 * the scale fits neither. Shared by shape inference and kernels, so they cannot disagree.
 */
export function linearQuantAxis(input: Shape, scale: Shape, axis: number): number | null | string {
  if (scale.length === 0 || (scale.length === 1 && scale[0] === 1)) return null;
  if (scale.length !== 1) return `scale must be a scalar or 1-D, got ${formatShape(scale)}`;
  const a = normalizeAxis(axis, input.length);
  if (a === undefined) return `axis ${axis} out of range for rank ${input.length}`;
  const c = input[a];
  if (typeof c === 'number' && typeof scale[0] === 'number' && c !== scale[0]) {
    return `${String(scale[0])} scales for ${c} channels on axis ${a}`;
  }
  return a;
}

/** The integer dtypes ONNX quantizes to that qtk has (uint16, int4 and the float8 types it lacks). */
export const LINEAR_QUANT_DTYPES: readonly DType[] = ['int8', 'uint8', 'int16'];

/** Checks scale and zero point of a QuantizeLinear/DequantizeLinear node against its input. */
function checkScaleAndZeroPoint(ctx: InferenceContext, x: TensorType): void {
  const scale = ctx.requireInput(1);
  if (scale.dtype !== 'float32') ctx.fail(`scale must be float32, got ${scale.dtype}`);
  const at = linearQuantAxis(x.shape, scale.shape, ctx.attrs.int('axis'));
  if (typeof at === 'string') ctx.fail(at);
  const zp = ctx.inputType(2);
  if (zp && (zp.shape.length !== scale.shape.length || zp.shape.some((d, i) => d !== scale.shape[i]))) {
    ctx.fail(`zero point ${formatShape(zp.shape)} must have the scale's shape ${formatShape(scale.shape)}`);
  }
}

/**
 * ONNX QuantizeLinear (opset 13 semantics; int16 as in 21): `saturate(round_half_to_even(x /
 * scale) + zero_point)`, per tensor or per `axis`. The output dtype is the zero point's; import
 * always provides one (ONNX's default is a uint8 zero).
 */
export const QuantizeLinear: CoreOpDefinition<'QuantizeLinear'> = {
  op: 'QuantizeLinear',
  traits: { quantRole: 'compute' },
  summary: 'Quantizes float32 x to the zero point dtype: saturate(round(x / scale) + zero_point).',
  inputs: [{ name: 'x' }, { name: 'y_scale' }, { name: 'y_zero_point' }],
  outputs: [{ name: 'y' }],
  attributes: { axis: { kind: 'int', default: 1 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.dtype !== 'float32') ctx.fail(`input must be float32, got ${x.dtype}`);
    checkScaleAndZeroPoint(ctx, x);
    const zp = ctx.requireInput(2);
    if (!LINEAR_QUANT_DTYPES.includes(zp.dtype)) {
      ctx.fail(`zero point is ${zp.dtype}; qtk quantizes to ${LINEAR_QUANT_DTYPES.join(', ')}`);
    }
    return [{ dtype: zp.dtype, shape: x.shape }];
  },
};

/**
 * ONNX DequantizeLinear (opset 13 semantics; int16 as in 21): `(x - zero_point) * scale` in float32,
 * per tensor or per `axis`. int32 input (a bias) has no zero point, or a zero one.
 */
export const DequantizeLinear: CoreOpDefinition<'DequantizeLinear'> = {
  op: 'DequantizeLinear',
  traits: { quantRole: 'compute' },
  summary: 'Dequantizes integer x to float32: (x - zero_point) * scale.',
  inputs: [{ name: 'x' }, { name: 'x_scale' }, { name: 'x_zero_point', optional: true }],
  outputs: [{ name: 'y' }],
  attributes: { axis: { kind: 'int', default: 1 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (!LINEAR_QUANT_DTYPES.includes(x.dtype) && x.dtype !== 'int32') {
      ctx.fail(`input is ${x.dtype}; qtk dequantizes ${[...LINEAR_QUANT_DTYPES, 'int32'].join(', ')}`);
    }
    checkScaleAndZeroPoint(ctx, x);
    const zp = ctx.inputType(2);
    if (zp && zp.dtype !== x.dtype) ctx.fail(`zero point is ${zp.dtype}, input is ${x.dtype}`);
    return [{ dtype: 'float32', shape: x.shape }];
  },
};

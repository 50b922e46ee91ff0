import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { readResizeAttributes, resizeOutputDims } from './resizeGeometry.js';

function floats(ctx: InferenceContext, index: number, what: string): number[] | undefined {
  const type = ctx.inputType(index);
  if (!type) return undefined;
  if (type.dtype !== 'float32' && type.dtype !== 'float64') ctx.fail(`${what} must be float32, got ${type.dtype}`);
  return ctx.constant(index)?.toNumbers();
}

/**
 * ONNX Resize (opsets 13 to 19, without antialias): nearest, N-linear or cubic interpolation of
 * `X` to the lengths `sizes` gives, or `floor(scales * length)`; `roi` is the crop of
 * `tf_crop_and_resize`. `axes` and `keep_aspect_ratio_policy` as opset 18 defines them. Importers
 * bring opsets 10 and 11 and Upsample to this form. Nearest Resize only moves values (it keeps its
 * input's quantization); linear and cubic compute new ones. `roi` and `scales` are coordinates,
 * never quantized.
 */
export const Resize: CoreOpDefinition<'Resize'> = {
  op: 'Resize',
  traits: {
    quantRole: 'compute',
    parameterInputs: [1, 2],
    roleOf: (_node, attrs) => (attrs.string('mode') === 'nearest' ? 'passthrough' : 'compute'),
  },
  summary: 'Resizes by nearest, linear or cubic interpolation to given scales or sizes.',
  inputs: [
    { name: 'X' },
    { name: 'roi', optional: true },
    { name: 'scales', optional: true },
    { name: 'sizes', optional: true },
  ],
  outputs: [{ name: 'Y' }],
  attributes: {
    mode: { kind: 'string', default: 'nearest' },
    coordinate_transformation_mode: { kind: 'string', default: 'half_pixel' },
    nearest_mode: { kind: 'string', default: 'round_prefer_floor' },
    cubic_coeff_a: { kind: 'float', default: -0.75 },
    exclude_outside: { kind: 'int', default: 0 },
    extrapolation_value: { kind: 'float', default: 0 },
    keep_aspect_ratio_policy: { kind: 'string', default: 'stretch' },
    axes: { kind: 'ints' },
  },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.shape.length === 0) ctx.fail('input must have at least one dim');
    const attrs = readResizeAttributes(ctx.attrs, x.shape.length);
    if (typeof attrs === 'string') ctx.fail(attrs);
    floats(ctx, 1, 'roi');
    const scales = floats(ctx, 2, 'scales');
    const sizesType = ctx.inputType(3);
    if (sizesType && sizesType.dtype !== 'int64') ctx.fail(`sizes must be int64, got ${sizesType.dtype}`);
    const sizes = ctx.constant(3)?.toNumbers();
    const hasScales = ctx.inputType(2) !== undefined && !(scales && scales.length === 0);
    if (hasScales && sizesType && scales && scales.length > 0) ctx.fail('scales and sizes must not both be given');
    if (!hasScales && !sizesType) ctx.fail('one of scales and sizes must be given');
    const dims = resizeOutputDims(x.shape, attrs, scales, hasScales ? undefined : sizes);
    if (typeof dims === 'string') ctx.fail(dims);
    return [{ dtype: x.dtype, shape: dims }];
  },
};

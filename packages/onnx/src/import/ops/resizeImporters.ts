import { type AttributeValue, Tensor, type Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';
import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** An input that is an empty constant (opset 11's way of leaving `roi` or `scales` out) counts as absent. */
function presentInput(ctx: NodeImportContext, i: number): Value | null {
  const v = ctx.input(i);
  return v?.constant && v.constant.size === 0 ? null : v;
}

/**
 * Resize before opset 11 and Upsample: asymmetric coordinates; nearest rounds down when enlarging
 * and up when shrinking (onnxruntime's rule for these versions), which is nearest_mode floor or
 * ceil when every resized axis goes the same way.
 */
function legacyResize(ctx: NodeImportContext, x: Value, scales: Value, what: string): void {
  const mode = ctx.attrs.string('mode') ?? 'nearest';
  if (mode !== 'nearest' && mode !== 'linear') ctx.unsupported(`mode '${mode}' is not nearest or linear`);
  const attrs: Record<string, AttributeValue> = { mode, coordinate_transformation_mode: 'asymmetric' };
  if (mode === 'nearest') {
    const values = scales.constant?.toNumbers();
    if (!values) ctx.unsupported(`nearest ${what} needs constant scales (its rounding depends on them)`);
    const resized = values.filter((s) => s !== 1);
    if (resized.every((s) => s > 1)) attrs.nearest_mode = 'floor';
    else if (resized.every((s) => s < 1)) attrs.nearest_mode = 'ceil';
    else ctx.unsupported(`nearest ${what} that enlarges some axes and shrinks others is not supported`);
  }
  ctx.emit('Resize', [x, null, scales, null], attrs);
}

/**
 * Resize: opset 10 (X, scales; asymmetric), opset 11 (roi, scales, sizes; coordinate modes, cubic),
 * opset 13 (roi and scales optional), opset 18 (axes, keep_aspect_ratio_policy; antialias refused),
 * opset 19 (half_pixel_symmetric). `roi` is kept only for tf_crop_and_resize, which alone reads it.
 */
export const resizeImporter: OnnxOpImporter = {
  op: 'Resize',
  since: 10,
  import(ctx) {
    if (ctx.opset < 11) {
      const [x, scales] = nodeInputs(ctx, 2) as [Value, Value];
      legacyResize(ctx, x, scales, 'Resize (opset 10)');
      return;
    }
    const x = nodeInputs(ctx, 1, 4)[0] as Value;
    if ((ctx.attrs.int('antialias') ?? 0) !== 0) ctx.unsupported('antialias is not supported');
    const attrs = copyAttributes(ctx, {
      mode: 'string',
      coordinate_transformation_mode: 'string',
      nearest_mode: 'string',
      cubic_coeff_a: 'float',
      exclude_outside: 'int',
      extrapolation_value: 'float',
      ...(ctx.opset >= 18 ? ({ keep_aspect_ratio_policy: 'string', axes: 'ints' } as const) : {}),
    });
    if (attrs.coordinate_transformation_mode === 'tf_half_pixel_for_nn') {
      ctx.unsupported('coordinate_transformation_mode tf_half_pixel_for_nn is not supported');
    }
    const roi = attrs.coordinate_transformation_mode === 'tf_crop_and_resize' ? presentInput(ctx, 1) : null;
    const scales = presentInput(ctx, 2);
    // A computed scales may be empty at run time, when the sizes apply: keep both then.
    const sizes = scales?.constant ? null : presentInput(ctx, 3);
    if (!scales && !sizes) ctx.fail('needs scales or sizes');
    ctx.emit('Resize', [x, roi, scales, sizes], attrs);
  },
};

/** Upsample (opsets 7 to 9; deprecated since 10): a Resize with asymmetric coordinates. */
export const upsampleImporter: OnnxOpImporter = {
  op: 'Upsample',
  since: 7,
  import(ctx) {
    if (ctx.opset >= 9) {
      const [x, scales] = nodeInputs(ctx, 2) as [Value, Value];
      legacyResize(ctx, x, scales, 'Upsample');
      return;
    }
    const x = nodeInputs(ctx, 1)[0] as Value;
    const values = ctx.attrs.floats('scales') ?? ctx.fail("attribute 'scales' is required");
    legacyResize(ctx, x, ctx.constantInput('scales', Tensor.float32([values.length], values)), 'Upsample');
  },
};

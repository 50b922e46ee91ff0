import type { Dim } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** GridSample's interpolation modes (opset 16 names). */
export const GRID_SAMPLE_MODES = ['bilinear', 'nearest', 'bicubic'] as const;
/** GridSample's ways of reading outside the input. */
export const GRID_SAMPLE_PADDING_MODES = ['zeros', 'border', 'reflection'] as const;

function sameDim(a: Dim | undefined, b: Dim | undefined): boolean {
  return typeof a !== 'number' || typeof b !== 'number' || a === b;
}

/**
 * ONNX GridSample (opset 16, 4-D): samples `X` [N, C, H, W] at the normalized locations of `grid`
 * [N, Hout, Wout, 2] ((x, y) in [-1, 1] spanning the input: its corner pixels' centres with
 * `align_corners`, its outer edges otherwise), by bilinear, nearest or bicubic interpolation;
 * taps outside the input read 0 (`zeros`), the nearest edge (`border`) or a reflection. The grid
 * is an activation: quantization gives it its own point (int16 in the vendor's presets).
 */
export const GridSample: CoreOpDefinition<'GridSample'> = {
  op: 'GridSample',
  traits: { quantRole: 'compute', int16Inputs: [1] },
  summary: 'Samples the input at the normalized locations of a grid.',
  inputs: [{ name: 'X' }, { name: 'grid' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    mode: { kind: 'string', default: 'bilinear' },
    padding_mode: { kind: 'string', default: 'zeros' },
    align_corners: { kind: 'int', default: 0 },
  },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const grid = ctx.requireInput(1);
    const mode = ctx.attrs.string('mode');
    const padding = ctx.attrs.string('padding_mode');
    if (!(GRID_SAMPLE_MODES as readonly string[]).includes(mode)) {
      ctx.fail(`mode '${mode}' is not one of ${GRID_SAMPLE_MODES.join(', ')}`);
    }
    if (!(GRID_SAMPLE_PADDING_MODES as readonly string[]).includes(padding)) {
      ctx.fail(`padding_mode '${padding}' is not one of ${GRID_SAMPLE_PADDING_MODES.join(', ')}`);
    }
    if (x.shape.length !== 4) ctx.fail(`input must be N x C x H x W, got rank ${x.shape.length}`);
    if (grid.shape.length !== 4 || !sameDim(grid.shape[3], 2)) {
      ctx.fail(`grid must be N x Hout x Wout x 2, got [${grid.shape.join(',')}]`);
    }
    if (!sameDim(x.shape[0], grid.shape[0])) {
      ctx.fail(`grid batch ${grid.shape[0]} differs from the input's ${x.shape[0]}`);
    }
    if (grid.dtype !== 'float32' && grid.dtype !== 'float64')
      ctx.fail(`grid must be float32 or float64, got ${grid.dtype}`);
    return [
      { dtype: x.dtype, shape: [x.shape[0] as Dim, x.shape[1] as Dim, grid.shape[1] as Dim, grid.shape[2] as Dim] },
    ];
  },
};

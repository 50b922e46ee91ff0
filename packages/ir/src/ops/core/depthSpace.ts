import type { Dim } from '../../shape/Shape.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** The modes of DepthToSpace: depth-column-row (the default) or column-row-depth. */
export const DEPTH_TO_SPACE_MODES: readonly string[] = ['DCR', 'CRD'];

const times = (d: Dim, b: number): Dim => (typeof d === 'number' ? d * b : '?');

/** `d / b` when it divides, `'?'` for a symbol, else `undefined`. */
const dividedBy = (d: Dim, b: number): Dim | undefined =>
  typeof d === 'number' ? (d % b === 0 ? d / b : undefined) : '?';

function blocksize(ctx: InferenceContext): number {
  const b = ctx.attrs.int('blocksize');
  if (b < 1) ctx.fail(`blocksize must be positive, got ${b}`);
  return b;
}

/**
 * ONNX DepthToSpace on [N, C, H, W]: blocks of `blocksize x blocksize` channels become spatial
 * blocks, giving [N, C / b^2, H b, W b]. `DCR` (the default, and the only form before opset 11)
 * takes the block offset from the outer channel digits, `CRD` from the inner ones.
 */
export const DepthToSpace: CoreOpDefinition<'DepthToSpace'> = {
  op: 'DepthToSpace',
  traits: { quantRole: 'passthrough' },
  summary: 'Rearranges channel blocks into spatial blocks: [N, C, H, W] to [N, C/b^2, Hb, Wb].',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { blocksize: { kind: 'int', required: true }, mode: { kind: 'string', default: 'DCR' } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const b = blocksize(ctx);
    const mode = ctx.attrs.string('mode');
    if (!DEPTH_TO_SPACE_MODES.includes(mode)) ctx.fail(`mode '${mode}' is not DCR or CRD`);
    if (x.shape.length !== 4) ctx.fail(`input must be 4-D [N, C, H, W], got ${formatShape(x.shape)}`);
    const [n, c, h, w] = x.shape as [Dim, Dim, Dim, Dim];
    const channels = dividedBy(c, b * b);
    if (channels === undefined) ctx.fail(`channels ${c} are not a multiple of blocksize^2 = ${b * b}`);
    return [{ dtype: x.dtype, shape: [n, channels, times(h, b), times(w, b)] }];
  },
};

/** ONNX SpaceToDepth on [N, C, H, W]: spatial blocks become channels, giving [N, C b^2, H / b, W / b]. */
export const SpaceToDepth: CoreOpDefinition<'SpaceToDepth'> = {
  op: 'SpaceToDepth',
  traits: { quantRole: 'passthrough' },
  summary: 'Rearranges spatial blocks into channels: [N, C, H, W] to [N, Cb^2, H/b, W/b].',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { blocksize: { kind: 'int', required: true } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const b = blocksize(ctx);
    if (x.shape.length !== 4) ctx.fail(`input must be 4-D [N, C, H, W], got ${formatShape(x.shape)}`);
    const [n, c, h, w] = x.shape as [Dim, Dim, Dim, Dim];
    const rows = dividedBy(h, b);
    const cols = dividedBy(w, b);
    if (rows === undefined || cols === undefined) ctx.fail(`height ${h} and width ${w} must be multiples of ${b}`);
    return [{ dtype: x.dtype, shape: [n, times(c, b * b), rows, cols] }];
  },
};

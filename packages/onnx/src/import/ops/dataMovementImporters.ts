import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { plainOpImporter } from './plainOpImporter.js';

/** Expand (opset 8 on: the shape is an input). */
export const expandImporter: OnnxOpImporter = plainOpImporter('Expand', 8, 2);

/** Tile from opset 6, where `repeats` is one input (before, `tiles` and `axis` were). */
export const tileImporter: OnnxOpImporter = plainOpImporter('Tile', 6, 2);

/** GatherElements (opset 11 on). */
export const gatherElementsImporter: OnnxOpImporter = plainOpImporter('GatherElements', 11, 2, { axis: 'int' });

/** ScatterND (opset 11 on); `reduction` exists from opset 16, its `max` and `min` from 18. */
export const scatterNDImporter: OnnxOpImporter = {
  op: 'ScatterND',
  since: 11,
  import(ctx) {
    const inputs = nodeInputs(ctx, 3);
    const reduction = ctx.opset >= 16 ? ctx.attrs.string('reduction') : undefined;
    if ((reduction === 'max' || reduction === 'min') && ctx.opset < 18) {
      ctx.fail(`reduction '${reduction}' exists from opset 18`);
    }
    ctx.emit('ScatterND', inputs, reduction === undefined ? {} : { reduction });
  },
};

/** DepthToSpace; `mode` (DCR or CRD) exists from opset 11, DCR before. */
export const depthToSpaceImporter: OnnxOpImporter = {
  op: 'DepthToSpace',
  since: 1,
  import(ctx) {
    const blocksize = ctx.attrs.int('blocksize') ?? ctx.fail("attribute 'blocksize' is required");
    const mode = ctx.opset >= 11 ? ctx.attrs.string('mode') : undefined;
    ctx.emit('DepthToSpace', nodeInputs(ctx, 1), { blocksize, ...(mode === undefined ? {} : { mode }) });
  },
};

/** SpaceToDepth. */
export const spaceToDepthImporter: OnnxOpImporter = {
  op: 'SpaceToDepth',
  since: 1,
  import(ctx) {
    const blocksize = ctx.attrs.int('blocksize') ?? ctx.fail("attribute 'blocksize' is required");
    ctx.emit('SpaceToDepth', nodeInputs(ctx, 1), { blocksize });
  },
};

/** Trilu (opset 14): the diagonal offset `k` is an optional input. */
export const triluImporter: OnnxOpImporter = plainOpImporter('Trilu', 14, 1, { upper: 'int' }, 2);

import type { AttributeValue, Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';
import { explicitPads } from './explicitPads.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** The window attributes shared by AveragePool and MaxPool, with `auto_pad` made explicit. */
function windowAttributes(ctx: NodeImportContext, x: Value): Record<string, AttributeValue> {
  const kernel = ctx.attrs.ints('kernel_shape') ?? ctx.fail("attribute 'kernel_shape' is required");
  const ones = kernel.map(() => 1);
  const strides = ctx.attrs.ints('strides');
  const pads = explicitPads(ctx, x, kernel, strides ?? ones, ctx.attrs.ints('dilations') ?? ones);
  const attrs: Record<string, AttributeValue> = { kernel_shape: kernel };
  if (strides) attrs.strides = strides;
  if (pads) attrs.pads = pads;
  // With auto_pad the standard fixes the output size, ceil_mode plays no part.
  const ceilMode = ctx.attrs.int('ceil_mode');
  if (ceilMode !== undefined && (ctx.attrs.string('auto_pad') ?? 'NOTSET') === 'NOTSET') attrs.ceil_mode = ceilMode;
  return attrs;
}

/** AveragePool; dilations (opset 19) are imported only when all 1. */
export const averagePoolImporter: OnnxOpImporter = {
  op: 'AveragePool',
  since: 1,
  import(ctx) {
    const x = nodeInputs(ctx, 1)[0] as Value;
    const attrs = windowAttributes(ctx, x);
    if (ctx.attrs.ints('dilations')?.some((d) => d !== 1)) ctx.unsupported('dilations other than 1 are not supported');
    const countIncludePad = ctx.attrs.int('count_include_pad');
    if (countIncludePad !== undefined) attrs.count_include_pad = countIncludePad;
    ctx.emit('AveragePool', [x], attrs);
  },
};

/** MaxPool; its optional Indices output must be unused. */
export const maxPoolImporter: OnnxOpImporter = {
  op: 'MaxPool',
  since: 1,
  import(ctx) {
    const x = nodeInputs(ctx, 1)[0] as Value;
    ctx.requireUnusedOutputsFrom(1, 'Indices');
    const attrs = windowAttributes(ctx, x);
    const dilations = ctx.attrs.ints('dilations');
    if (dilations) attrs.dilations = dilations;
    ctx.emit('MaxPool', [x], attrs);
  },
};

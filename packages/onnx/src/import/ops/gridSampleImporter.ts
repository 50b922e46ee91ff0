import type { Value } from '@qtk/ir';
import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Opset 20's names of the modes opset 16 calls bilinear and bicubic. */
const OPSET_20_MODES: Readonly<Record<string, string>> = { linear: 'bilinear', cubic: 'bicubic' };

/** GridSample (opset 16, and 20 with its renamed modes), on 4-D input only. */
export const gridSampleImporter: OnnxOpImporter = {
  op: 'GridSample',
  since: 16,
  import(ctx) {
    const [x, grid] = nodeInputs(ctx, 2) as [Value, Value];
    if (x.type.shape.length !== 4) ctx.unsupported(`only 4-D input is supported, got rank ${x.type.shape.length}`);
    const attrs = copyAttributes(ctx, { mode: 'string', padding_mode: 'string', align_corners: 'int' });
    if (ctx.opset >= 20 && typeof attrs.mode === 'string') attrs.mode = OPSET_20_MODES[attrs.mode] ?? attrs.mode;
    ctx.emit('GridSample', [x, grid], attrs);
  },
};

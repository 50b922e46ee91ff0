import { Tensor, type Value } from '@qtk/ir';
import { copyAttributes } from './copyAttributes.js';
import { int64Tensor } from './int64Tensor.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * Pad. From opset 11 `pads` and `constant_value` are inputs (and from 18 `axes`); from opset 2 to
 * 10 they are the attributes `pads` and `value`, turned into constant inputs. Modes constant,
 * reflect and edge; `wrap` (opset 19) is refused.
 */
export const padImporter: OnnxOpImporter = {
  op: 'Pad',
  since: 2,
  import(ctx) {
    const mode = ctx.attrs.string('mode');
    if (mode === 'wrap') ctx.unsupported("mode 'wrap' is not supported (constant, reflect and edge are)");
    const attrs = copyAttributes(ctx, { mode: 'string' });
    if (ctx.opset >= 11) {
      ctx.emit('Pad', nodeInputs(ctx, 2, ctx.opset >= 18 ? 4 : 3), attrs);
      return;
    }
    const [x] = nodeInputs(ctx, 1);
    const pads = ctx.attrs.ints('pads') ?? ctx.fail("attribute 'pads' is required");
    const value = ctx.attrs.float('value');
    const dtype = ctx.requireInput(0).type.dtype;
    let constant: Value | null = null;
    if (value !== undefined && value !== 0) {
      if (dtype !== 'float32' && dtype !== 'float64') ctx.fail(`input is ${dtype}, expected a float`);
      const t = dtype === 'float32' ? Tensor.float32([], [value]) : new Tensor('float64', [], Float64Array.of(value));
      constant = ctx.constantInput('constant_value', t);
    }
    ctx.emit('Pad', [x ?? null, ctx.constantInput('pads', int64Tensor(pads)), constant], attrs);
  },
};

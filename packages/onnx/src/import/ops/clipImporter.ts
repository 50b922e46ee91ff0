import { Tensor } from '@qtk/ir';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Clip: bounds are inputs from opset 11, attributes `min`/`max` before (turned into inputs). */
export const clipImporter: OnnxOpImporter = {
  op: 'Clip',
  since: 6,
  import(ctx) {
    if (ctx.opset >= 11) {
      ctx.emit('Clip', nodeInputs(ctx, 1, 3));
      return;
    }
    nodeInputs(ctx, 1);
    const x = ctx.requireInput(0);
    const dtype = x.type.dtype;
    if (dtype !== 'float32' && dtype !== 'float64') ctx.fail(`input is ${dtype}, expected a float`);
    const bound = (name: 'min' | 'max') => {
      const v = ctx.attrs.float(name);
      if (v === undefined) return null;
      const t = dtype === 'float32' ? Tensor.float32([], [v]) : new Tensor('float64', [], Float64Array.of(v));
      return ctx.constantInput(name, t);
    };
    ctx.emit('Clip', [x, bound('min'), bound('max')]);
  },
};

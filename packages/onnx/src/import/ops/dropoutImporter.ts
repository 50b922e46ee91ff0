import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * Dropout from opset 7 (before, `is_test` chose the mode and training was the default). Up to
 * opset 11 it has no training mode, so it is the identity whatever its `ratio` attribute; from
 * opset 12 `ratio` and `training_mode` are inputs and `seed` an attribute. The mask is bool from
 * opset 10; a used float mask (opsets 7 to 9) is refused.
 */
export const dropoutImporter: OnnxOpImporter = {
  op: 'Dropout',
  since: 7,
  import(ctx) {
    const outputs = ctx.usedOutputCount();
    if (ctx.opset < 10 && outputs > 1) ctx.unsupported('its mask is float before opset 10; qtk imports a bool mask');
    if (ctx.opset < 12) {
      ctx.emit('Dropout', nodeInputs(ctx, 1), {}, outputs);
      return;
    }
    const seed = ctx.attrs.int('seed');
    ctx.emit('Dropout', nodeInputs(ctx, 1, 3), seed === undefined ? {} : { seed }, outputs);
  },
};

import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Gelu (opset 20), `approximate` 'none' or 'tanh'. */
export const geluImporter: OnnxOpImporter = {
  op: 'Gelu',
  since: 20,
  import(ctx) {
    const attrs = copyAttributes(ctx, { approximate: 'string' });
    if (attrs.approximate !== undefined && attrs.approximate !== 'none' && attrs.approximate !== 'tanh') {
      ctx.fail(`approximate must be 'none' or 'tanh', got '${attrs.approximate}'`);
    }
    ctx.emit('Gelu', nodeInputs(ctx, 1), attrs);
  },
};

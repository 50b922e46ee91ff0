import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Gelu (opset 20), `approximate` 'none' or 'tanh'. */
export const geluImporter: OnnxOpImporter = {
  op: 'Gelu',
  since: 20,
  import(ctx) {
    // Spelled out, as tracing and the GELU fusion give it, so equal layers print alike.
    const approximate = ctx.attrs.string('approximate') ?? 'none';
    if (approximate !== 'none' && approximate !== 'tanh') {
      ctx.fail(`approximate must be 'none' or 'tanh', got '${approximate}'`);
    }
    ctx.emit('Gelu', nodeInputs(ctx, 1), { approximate });
  },
};

import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * Max, Min, Sum, Mean: one or more inputs. Opsets 6 and 7 required equal shapes, which the
 * broadcasting of opset 8 on computes alike.
 */
function variadicImporter(op: string): OnnxOpImporter {
  return {
    op,
    since: 6,
    import(ctx) {
      if (ctx.inputCount < 1) ctx.fail('has no inputs, expected at least one');
      ctx.emit(op, nodeInputs(ctx, ctx.inputCount));
    },
  };
}

export const variadicImporters: readonly OnnxOpImporter[] = ['Max', 'Min', 'Sum', 'Mean'].map(variadicImporter);

import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * ArgMax or ArgMin: the same attributes in every opset (negative axes from 11, `select_last_index`
 * from 12, absent before and then 0).
 */
function argExtremumImporter(op: string): OnnxOpImporter {
  return {
    op,
    since: 1,
    import(ctx) {
      ctx.emit(op, nodeInputs(ctx, 1), copyAttributes(ctx, { axis: 'int', keepdims: 'int', select_last_index: 'int' }));
    },
  };
}

export const argMaxImporter = argExtremumImporter('ArgMax');
export const argMinImporter = argExtremumImporter('ArgMin');

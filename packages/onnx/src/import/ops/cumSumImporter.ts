import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** CumSum (opset 11; 14 only adds dtypes): the axis an input, `exclusive` and `reverse`. */
export const cumSumImporter: OnnxOpImporter = {
  op: 'CumSum',
  since: 11,
  import(ctx) {
    ctx.emit('CumSum', nodeInputs(ctx, 2), copyAttributes(ctx, { exclusive: 'int', reverse: 'int' }));
  },
};

import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Gemm (from opset 7, where the legacy `broadcast` attribute is gone); C optional from 11. */
export const gemmImporter: OnnxOpImporter = {
  op: 'Gemm',
  since: 7,
  import(ctx) {
    const attrs = copyAttributes(ctx, { alpha: 'float', beta: 'float', transA: 'int', transB: 'int' });
    ctx.emit('Gemm', nodeInputs(ctx, 2, 3), attrs);
  },
};

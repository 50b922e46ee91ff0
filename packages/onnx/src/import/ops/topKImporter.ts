import type { Value } from '@qtk/ir';
import { copyAttributes } from './copyAttributes.js';
import { int64Tensor } from './int64Tensor.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * TopK. Before opset 10 `k` is an attribute (made the core op's `K` input); from 10 it is an
 * input, and from 11 `largest` and `sorted` exist (before: the largest, sorted).
 */
export const topKImporter: OnnxOpImporter = {
  op: 'TopK',
  since: 1,
  import(ctx) {
    const attrs = copyAttributes(ctx, { axis: 'int', largest: 'int', sorted: 'int' });
    if (ctx.opset < 10) {
      const x = nodeInputs(ctx, 1)[0] as Value;
      const k = ctx.attrs.int('k') ?? ctx.fail("attribute 'k' is required");
      ctx.emit('TopK', [x, ctx.constantInput('K', int64Tensor([k]))], attrs, 2);
      return;
    }
    ctx.emit('TopK', nodeInputs(ctx, 2), attrs, 2);
  },
};

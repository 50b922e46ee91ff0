import type { Value } from '@qtk/ir';
import { int64Tensor } from './int64Tensor.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Slice; before opset 10 starts, ends and axes are attributes (turned into inputs), with no steps. */
export const sliceImporter: OnnxOpImporter = {
  op: 'Slice',
  since: 1,
  import(ctx) {
    if (ctx.opset >= 10) {
      ctx.emit('Slice', nodeInputs(ctx, 3, 5));
      return;
    }
    const x = nodeInputs(ctx, 1)[0] as Value;
    const starts = ctx.attrs.ints('starts') ?? ctx.fail("attribute 'starts' is required");
    const ends = ctx.attrs.ints('ends') ?? ctx.fail("attribute 'ends' is required");
    const axes = ctx.attrs.ints('axes');
    ctx.emit('Slice', [
      x,
      ctx.constantInput('starts', int64Tensor(starts)),
      ctx.constantInput('ends', int64Tensor(ends)),
      axes ? ctx.constantInput('axes', int64Tensor(axes)) : null,
    ]);
  },
};

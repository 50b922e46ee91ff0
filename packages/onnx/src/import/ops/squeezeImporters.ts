import type { Value } from '@qtk/ir';
import { int64Tensor } from './int64Tensor.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Squeeze; `axes` is an attribute before opset 13 (turned into an input). */
export const squeezeImporter: OnnxOpImporter = {
  op: 'Squeeze',
  since: 1,
  import(ctx) {
    if (ctx.opset >= 13) {
      ctx.emit('Squeeze', nodeInputs(ctx, 1, 2));
      return;
    }
    const x = nodeInputs(ctx, 1)[0] as Value;
    const axes = ctx.attrs.ints('axes');
    ctx.emit('Squeeze', [x, axes ? ctx.constantInput('axes', int64Tensor(axes)) : null]);
  },
};

/** Unsqueeze; `axes` is a required attribute before opset 13 (turned into an input). */
export const unsqueezeImporter: OnnxOpImporter = {
  op: 'Unsqueeze',
  since: 1,
  import(ctx) {
    if (ctx.opset >= 13) {
      ctx.emit('Unsqueeze', nodeInputs(ctx, 2));
      return;
    }
    const x = nodeInputs(ctx, 1)[0] as Value;
    const axes = ctx.attrs.ints('axes') ?? ctx.fail("attribute 'axes' is required");
    ctx.emit('Unsqueeze', [x, ctx.constantInput('axes', int64Tensor(axes))]);
  },
};

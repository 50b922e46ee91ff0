import { isConcreteShape, normalizeAxis, numel, type Shape, type Value } from '@qtk/ir';
import { int64Tensor } from './int64Tensor.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * Softmax. From opset 13 it normalizes along `axis` (default -1), as the core op does. Before, it
 * flattened the input to 2-D at `axis` (default 1) and normalized the rows: the same when `axis` is
 * the last dim, otherwise imported as Reshape, Softmax, Reshape (which needs a static shape).
 */
export const softmaxImporter: OnnxOpImporter = {
  op: 'Softmax',
  since: 1,
  import(ctx) {
    const x = nodeInputs(ctx, 1)[0] as Value;
    if (ctx.opset >= 13) {
      ctx.emit('Softmax', [x], { axis: ctx.attrs.int('axis') ?? -1 });
      return;
    }
    const shape: Shape = x.type.shape;
    const axis = normalizeAxis(ctx.attrs.int('axis') ?? 1, shape.length);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} is out of range for rank ${shape.length}`);
    if (axis === shape.length - 1) {
      ctx.emit('Softmax', [x], { axis: -1 });
      return;
    }
    if (!isConcreteShape(shape)) {
      return ctx.unsupported(
        `softmax over dims ${axis}.. of a dynamic shape (opset < 13 semantics) needs a static shape`,
      );
    }
    const rows = ctx.constantInput('shape2d', int64Tensor([numel(shape.slice(0, axis)), numel(shape.slice(axis))]));
    const flat = ctx.emitHelper('Reshape', [x, rows]);
    const normalized = ctx.emitHelper('Softmax', [flat], { axis: 1 });
    ctx.emit('Reshape', [normalized, ctx.constantInput('shape', int64Tensor(shape))]);
  },
};

import type { AttributeValue, Value } from '@qtk/ir';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * ReduceMean. The core op takes `axes` as an attribute (as ONNX did up to opset 17); from opset 18
 * they are an input, which must then be a constant. With `noop_with_empty_axes` and no axes the
 * node is the identity.
 */
export const reduceMeanImporter: OnnxOpImporter = {
  op: 'ReduceMean',
  since: 1,
  import(ctx) {
    let axes: number[] | undefined;
    let x: Value;
    if (ctx.opset >= 18) {
      const inputs = nodeInputs(ctx, 1, 2);
      x = inputs[0] as Value;
      if (inputs[1]) {
        const c = inputs[1].constant ?? ctx.unsupported('axes must be a constant');
        axes = c.toNumbers();
      }
      if ((!axes || axes.length === 0) && ctx.attrs.int('noop_with_empty_axes') === 1) {
        ctx.emit('Identity', [x]);
        return;
      }
    } else {
      x = nodeInputs(ctx, 1)[0] as Value;
      axes = ctx.attrs.ints('axes');
    }
    const attrs: Record<string, AttributeValue> = {};
    if (axes && axes.length > 0) attrs.axes = axes;
    const keepdims = ctx.attrs.int('keepdims');
    if (keepdims !== undefined) attrs.keepdims = keepdims;
    ctx.emit('ReduceMean', [x], attrs);
  },
};

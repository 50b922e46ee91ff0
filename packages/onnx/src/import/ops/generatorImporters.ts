import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Range (opset 11). */
export const rangeImporter: OnnxOpImporter = {
  op: 'Range',
  since: 11,
  import(ctx) {
    ctx.emit('Range', nodeInputs(ctx, 3));
  },
};

/** ConstantOfShape (opset 9): `value` is a one-element tensor attribute, float32 0 when absent. */
export const constantOfShapeImporter: OnnxOpImporter = {
  op: 'ConstantOfShape',
  since: 9,
  import(ctx) {
    const value = ctx.tensorAttribute('value');
    if (value && value.size !== 1) ctx.fail(`attribute 'value' must hold one element, got ${value.size}`);
    ctx.emit('ConstantOfShape', nodeInputs(ctx, 1), value ? { value } : {});
  },
};

/** Size. */
export const sizeImporter: OnnxOpImporter = {
  op: 'Size',
  since: 1,
  import(ctx) {
    ctx.emit('Size', nodeInputs(ctx, 1));
  },
};

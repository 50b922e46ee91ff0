import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { plainOpImporter } from './plainOpImporter.js';

/** Range (opset 11). */
export const rangeImporter: OnnxOpImporter = plainOpImporter('Range', 11, 3);

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
export const sizeImporter: OnnxOpImporter = plainOpImporter('Size', 1, 1);

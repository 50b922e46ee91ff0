import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { plainOpImporter } from './plainOpImporter.js';

/** Flatten (axis may be negative from opset 11; the core op accepts both). */
export const flattenImporter: OnnxOpImporter = plainOpImporter('Flatten', 1, 1, { axis: 'int' });

/** Reshape with the target shape as an input (opset 5 on); `allowzero` from opset 14. */
export const reshapeImporter: OnnxOpImporter = plainOpImporter('Reshape', 5, 2, { allowzero: 'int' });

/** Transpose; `perm` absent reverses the dims. */
export const transposeImporter: OnnxOpImporter = plainOpImporter('Transpose', 1, 1, { perm: 'ints' });

/** Concat; `axis` is required from opset 4. */
export const concatImporter: OnnxOpImporter = {
  op: 'Concat',
  since: 4,
  import(ctx) {
    if (ctx.inputCount < 1) ctx.fail('has no inputs');
    const inputs = Array.from({ length: ctx.inputCount }, (_, i) => ctx.requireInput(i));
    const axis = ctx.attrs.int('axis') ?? ctx.fail("attribute 'axis' is required");
    ctx.emit('Concat', inputs, { axis });
  },
};

/** Gather along `axis`. */
export const gatherImporter: OnnxOpImporter = plainOpImporter('Gather', 1, 2, { axis: 'int' });

/** Shape; `start` and `end` exist from opset 15. */
export const shapeImporter: OnnxOpImporter = plainOpImporter('Shape', 1, 1, { start: 'int', end: 'int' });

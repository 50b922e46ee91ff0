import type { Value } from '@qtk/ir';
import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Flatten (axis may be negative from opset 11; the core op accepts both). */
export const flattenImporter: OnnxOpImporter = {
  op: 'Flatten',
  since: 1,
  import(ctx) {
    ctx.emit('Flatten', nodeInputs(ctx, 1), copyAttributes(ctx, { axis: 'int' }));
  },
};

/** Reshape with the target shape as an input (opset 5 on); `allowzero` from opset 14. */
export const reshapeImporter: OnnxOpImporter = {
  op: 'Reshape',
  since: 5,
  import(ctx) {
    ctx.emit('Reshape', nodeInputs(ctx, 2), copyAttributes(ctx, { allowzero: 'int' }));
  },
};

export const transposeImporter: OnnxOpImporter = {
  op: 'Transpose',
  since: 1,
  import(ctx) {
    ctx.emit('Transpose', nodeInputs(ctx, 1), copyAttributes(ctx, { perm: 'ints' }));
  },
};

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

export const gatherImporter: OnnxOpImporter = {
  op: 'Gather',
  since: 1,
  import(ctx) {
    ctx.emit('Gather', nodeInputs(ctx, 2), copyAttributes(ctx, { axis: 'int' }));
  },
};

/** Shape; `start` and `end` exist from opset 15. */
export const shapeImporter: OnnxOpImporter = {
  op: 'Shape',
  since: 1,
  import(ctx) {
    const x = nodeInputs(ctx, 1)[0] as Value;
    ctx.emit('Shape', [x], copyAttributes(ctx, { start: 'int', end: 'int' }));
  },
};

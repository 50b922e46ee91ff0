import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { isScalarLike } from './scalarLike.js';

/**
 * ONNX Trilu (opset 14): the upper (`upper = 1`, the default) or lower triangle of the last two
 * dims, from diagonal `k` (an optional int64 scalar input, 0 by default) on; the rest is zero.
 */
export const Trilu: CoreOpDefinition<'Trilu'> = {
  op: 'Trilu',
  traits: { quantRole: 'passthrough' },
  summary: 'Keeps the upper (or lower) triangle of the last two dims from diagonal k; zeroes the rest.',
  inputs: [{ name: 'input' }, { name: 'k', optional: true }],
  outputs: [{ name: 'output' }],
  attributes: { upper: { kind: 'int', default: 1 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.shape.length < 2) ctx.fail(`input must have rank 2 or more, got ${formatShape(x.shape)}`);
    const k = ctx.inputType(1);
    if (k && (k.dtype !== 'int64' || !isScalarLike(k.shape))) ctx.fail('k must be an int64 scalar');
    return [x];
  },
};

import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * ONNX CumSum: running sums along the axis its second input names (a scalar, read when it runs);
 * `exclusive` leaves each element out of its own sum, `reverse` sums from the end.
 */
export const CumSum: CoreOpDefinition<'CumSum'> = {
  op: 'CumSum',
  traits: { quantRole: 'compute' },
  summary: 'Running sums along axis (exclusive, reverse as asked).',
  inputs: [{ name: 'x' }, { name: 'axis' }],
  outputs: [{ name: 'y' }],
  attributes: { exclusive: { kind: 'int', default: 0 }, reverse: { kind: 'int', default: 0 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (!['float32', 'float64', 'int32', 'int64'].includes(x.dtype))
      ctx.fail(`input dtype ${x.dtype} is not one of float32, float64, int32, int64`);
    const a = ctx.requireInput(1);
    if (
      (a.dtype !== 'int64' && a.dtype !== 'int32') ||
      a.shape.length > 1 ||
      (a.shape.length === 1 && a.shape[0] !== 1)
    )
      ctx.fail(`axis must be an int32 or int64 scalar, got ${a.dtype}[${a.shape.join(',')}]`);
    const axis = ctx.constant(1)?.toNumbers()[0];
    if (axis !== undefined && normalizeAxis(axis, x.shape.length) === undefined)
      ctx.fail(`axis ${axis} out of range for rank ${x.shape.length}`);
    return [x];
  },
};

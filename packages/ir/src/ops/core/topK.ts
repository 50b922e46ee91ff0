import type { Dim } from '../../shape/Shape.js';
import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * ONNX TopK (opset 11): the `K` largest (or smallest) elements along `axis` and their int64
 * indices; ties go to the lower index, as onnxruntime orders them.
 */
export const TopK: CoreOpDefinition<'TopK'> = {
  op: 'TopK',
  // The values are a selection of the input's, but conversion keeps TopK a CPU float op: as a
  // compute op it gets its own output point, so what reads its values reads integers again.
  traits: { quantRole: 'compute' },
  summary: 'The K largest (or smallest) elements along axis, and their int64 indices.',
  inputs: [{ name: 'X' }, { name: 'K' }],
  outputs: [{ name: 'Values' }, { name: 'Indices' }],
  attributes: {
    axis: { kind: 'int', default: -1 },
    largest: { kind: 'int', default: 1 },
    sorted: { kind: 'int', default: 1 },
  },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.dtype === 'bool') ctx.fail('input must be numeric, got bool');
    const axis = normalizeAxis(ctx.attrs.int('axis'), x.shape.length);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${x.shape.length}`);
    const k = ctx.requireInput(1);
    if (k.dtype !== 'int64' || k.shape.length !== 1 || (typeof k.shape[0] === 'number' && k.shape[0] !== 1))
      ctx.fail(`K must be an int64 tensor of shape [1], got ${k.dtype}[${k.shape.join(',')}]`);
    const kValue = ctx.constant(1)?.toNumbers()[0];
    const dim = x.shape[axis];
    if (kValue !== undefined) {
      if (kValue < 0) ctx.fail(`K ${kValue} is negative`);
      if (typeof dim === 'number' && kValue > dim) ctx.fail(`K ${kValue} exceeds dim ${axis} of size ${dim}`);
    }
    const shape = x.shape.map((d, i): Dim => (i === axis ? (kValue ?? '?') : d));
    return [
      { dtype: x.dtype, shape },
      { dtype: 'int64', shape },
    ];
  },
};

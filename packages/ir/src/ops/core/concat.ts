import type { Dim } from '../../shape/Shape.js';
import { formatShape, normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** ONNX Concat along `axis`. */
export const Concat: CoreOpDefinition<'Concat'> = {
  op: 'Concat',
  traits: { quantRole: 'passthrough', sharedInputScale: true },
  summary: 'Joins inputs along axis.',
  inputs: [{ name: 'inputs', variadic: true }],
  outputs: [{ name: 'concat_result' }],
  attributes: { axis: { kind: 'int', required: true } },
  inferTypes(ctx: InferenceContext) {
    const first = ctx.requireInput(0);
    const rank = first.shape.length;
    const axis = normalizeAxis(ctx.attrs.int('axis'), rank);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${rank}`);
    const shape: Dim[] = [...first.shape];
    for (let i = 1; i < ctx.node.inputs.length; i++) {
      const t = ctx.requireInput(i);
      if (t.dtype !== first.dtype) ctx.fail(`input ${i} is ${t.dtype}, input 0 is ${first.dtype}`);
      if (t.shape.length !== rank)
        ctx.fail(`input ${i} ${formatShape(t.shape)} has another rank than ${formatShape(first.shape)}`);
      t.shape.forEach((d, k) => {
        if (k === axis) {
          const s = shape[k] as Dim;
          shape[k] = typeof s === 'number' && typeof d === 'number' ? s + d : '?';
        } else if (typeof d === 'number' && typeof shape[k] === 'number' && d !== shape[k]) {
          ctx.fail(`input ${i} ${formatShape(t.shape)} does not match ${formatShape(first.shape)} off axis ${axis}`);
        }
      });
    }
    return [{ dtype: first.dtype, shape }];
  },
};

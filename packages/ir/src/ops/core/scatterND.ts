import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** How ScatterND combines an update with the entry it lands on. */
export const SCATTER_REDUCTIONS: readonly string[] = ['none', 'add', 'mul', 'max', 'min'];

/**
 * ONNX ScatterND (opset 11; `reduction` from 16, `max`/`min` from 18): a copy of data with the
 * slices that the last axis of indices addresses replaced by (or combined with) updates. Data and
 * updates share a scale when quantized.
 */
export const ScatterND: CoreOpDefinition<'ScatterND'> = {
  op: 'ScatterND',
  traits: { quantRole: 'passthrough', sharedInputScale: true },
  summary: 'A copy of data with the slices indices address replaced by (or reduced with) updates.',
  inputs: [{ name: 'data' }, { name: 'indices' }, { name: 'updates' }],
  outputs: [{ name: 'output' }],
  attributes: { reduction: { kind: 'string', default: 'none' } },
  inferTypes(ctx: InferenceContext) {
    const data = ctx.requireInput(0);
    const indices = ctx.requireInput(1);
    const updates = ctx.requireInput(2);
    const reduction = ctx.attrs.string('reduction');
    if (!SCATTER_REDUCTIONS.includes(reduction)) {
      ctx.fail(`reduction '${reduction}' is not one of ${SCATTER_REDUCTIONS.join(', ')}`);
    }
    if (indices.dtype !== 'int64') ctx.fail(`indices must be int64, got ${indices.dtype}`);
    if (updates.dtype !== data.dtype) ctx.fail(`updates are ${updates.dtype}, data is ${data.dtype}`);
    if (indices.shape.length < 1) ctx.fail('indices must have rank 1 or more');
    const k = indices.shape[indices.shape.length - 1];
    if (typeof k === 'number') {
      if (k > data.shape.length) ctx.fail(`indices address ${k} dims, data has rank ${data.shape.length}`);
      const expected = [...indices.shape.slice(0, -1), ...data.shape.slice(k)];
      const fits =
        updates.shape.length === expected.length &&
        updates.shape.every((d, i) => typeof d !== 'number' || typeof expected[i] !== 'number' || d === expected[i]);
      if (!fits) ctx.fail(`updates ${formatShape(updates.shape)} must have shape ${formatShape(expected)}`);
    }
    return [{ dtype: data.dtype, shape: data.shape }];
  },
};

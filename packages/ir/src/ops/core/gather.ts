import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** ONNX Gather: `data[..., indices, ...]` at `axis`; negative indices count from the end. */
export const Gather: CoreOpDefinition<'Gather'> = {
  op: 'Gather',
  traits: { quantRole: 'passthrough' },
  summary: 'Takes entries of data along axis at the given indices.',
  inputs: [{ name: 'data' }, { name: 'indices' }],
  outputs: [{ name: 'output' }],
  attributes: { axis: { kind: 'int', default: 0 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const idx = ctx.requireInput(1);
    if (idx.dtype !== 'int64' && idx.dtype !== 'int32') ctx.fail(`indices must be int32 or int64, got ${idx.dtype}`);
    const axis = normalizeAxis(ctx.attrs.int('axis'), x.shape.length);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${x.shape.length}`);
    return [{ dtype: x.dtype, shape: [...x.shape.slice(0, axis), ...idx.shape, ...x.shape.slice(axis + 1)] }];
  },
};

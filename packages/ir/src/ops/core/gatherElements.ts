import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * ONNX GatherElements (opset 11): `out[i][j][k] = data[indices[i][j][k]][j][k]` for axis 0 (and
 * likewise for the others); negative indices count from the end. The output has the indices' shape.
 */
export const GatherElements: CoreOpDefinition<'GatherElements'> = {
  op: 'GatherElements',
  traits: { quantRole: 'passthrough' },
  summary: 'Takes, for each entry of indices, the entry of data at that index along axis.',
  inputs: [{ name: 'data' }, { name: 'indices' }],
  outputs: [{ name: 'output' }],
  attributes: { axis: { kind: 'int', default: 0 } },
  inferTypes(ctx: InferenceContext) {
    const data = ctx.requireInput(0);
    const indices = ctx.requireInput(1);
    if (indices.dtype !== 'int64' && indices.dtype !== 'int32') {
      ctx.fail(`indices must be int32 or int64, got ${indices.dtype}`);
    }
    if (indices.shape.length !== data.shape.length) {
      ctx.fail(`indices have rank ${indices.shape.length}, data has rank ${data.shape.length}`);
    }
    const axis = normalizeAxis(ctx.attrs.int('axis'), data.shape.length);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${data.shape.length}`);
    return [{ dtype: data.dtype, shape: indices.shape }];
  },
};

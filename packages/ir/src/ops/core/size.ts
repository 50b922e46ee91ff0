import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** ONNX Size: the number of elements of the input, as an int64 scalar. */
export const Size: CoreOpDefinition<'Size'> = {
  op: 'Size',
  traits: { quantRole: 'float' },
  summary: 'The number of elements of the input, as an int64 scalar.',
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'size' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    ctx.requireInput(0);
    return [{ dtype: 'int64', shape: [] }];
  },
};

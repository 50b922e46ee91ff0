import { formatShape } from '../../shape/Shape.js';
import { Tensor } from '../../tensor/Tensor.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { requestedDims } from './expand.js';

/** ONNX ConstantOfShape (opset 9): a tensor of the input's shape filled with `value` (float32 0 by default). */
export const ConstantOfShape: CoreOpDefinition<'ConstantOfShape'> = {
  op: 'ConstantOfShape',
  traits: { quantRole: 'float' },
  summary: "A tensor of the given shape filled with value's one element (float32 0 by default).",
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { value: { kind: 'tensor', default: Tensor.float32([1], [0]) } },
  inferTypes(ctx: InferenceContext) {
    const value = ctx.attrs.tensor('value');
    if (value.size !== 1) ctx.fail(`value must hold one element, got ${formatShape(value.shape)}`);
    const dims = requestedDims(ctx, 0, 'input');
    if (!dims) ctx.fail('input must have a static length (the output rank)');
    if (dims.some((d) => typeof d === 'number' && (d < 0 || !Number.isInteger(d)))) {
      ctx.fail(`shape ${formatShape(dims)} has a negative dim`);
    }
    return [{ dtype: value.dtype, shape: dims }];
  },
};

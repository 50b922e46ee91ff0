import { isDType } from '../../dtype/DType.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * ONNX Cast (opset 6 on) to the qtk dtype `to` (import maps ONNX's element type codes; CastLike
 * becomes a Cast to its second input's dtype). Floats to integers truncate toward zero, anything
 * to bool is `x != 0`. A cast between float dtypes passes quantization through; casts to or from
 * integers are dtype bookkeeping, never quantized.
 */
export const Cast: CoreOpDefinition<'Cast'> = {
  op: 'Cast',
  summary: "x converted to dtype 'to' (floats truncate to integers; to bool is x != 0).",
  traits: { quantRole: 'passthrough' },
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { to: { kind: 'string', required: true } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const to = ctx.attrs.string('to');
    if (!isDType(to)) ctx.fail(`to '${to}' is not a dtype`);
    return [{ dtype: to, shape: x.shape }];
  },
};

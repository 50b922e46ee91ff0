import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** ONNX Clip (opset 13): bounds are optional scalar inputs, usually constants. */
export const Clip: CoreOpDefinition<'Clip'> = {
  op: 'Clip',
  traits: { quantRole: 'passthrough', parameterInputs: [1, 2] },
  summary: 'Clamps x to [min, max]; absent bounds do not clamp.',
  inputs: [{ name: 'input' }, { name: 'min', optional: true }, { name: 'max', optional: true }],
  outputs: [{ name: 'output' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    for (const i of [1, 2]) {
      const t = ctx.inputType(i);
      if (t && t.dtype !== x.dtype) ctx.fail(`bound ${i === 1 ? 'min' : 'max'} is ${t.dtype}, input is ${x.dtype}`);
      if (t && t.shape.length !== 0 && !(t.shape.length === 1 && t.shape[0] === 1)) {
        ctx.fail(`bound ${i === 1 ? 'min' : 'max'} must be a scalar`);
      }
    }
    return [x];
  },
};

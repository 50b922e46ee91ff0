import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { isScalarLike } from './scalarLike.js';

/**
 * ONNX Dropout (opset 12 on: `ratio` and `training_mode` are inputs). In inference (no
 * `training_mode`, or false, or ratio 0) the identity, with a mask of all true. In training mode it
 * zeroes the entries a uniform draw puts below `ratio` and scales the rest by `1 / (1 - ratio)`,
 * drawing as ONNX's reference does (NumPy's legacy generator seeded with `seed`, 0 when unset, so
 * that runs are reproducible).
 */
export const Dropout: CoreOpDefinition<'Dropout'> = {
  op: 'Dropout',
  traits: { quantRole: 'passthrough', parameterInputs: [1] },
  summary: 'The identity in inference; in training, zeroes entries with probability ratio and scales the rest.',
  inputs: [{ name: 'data' }, { name: 'ratio', optional: true }, { name: 'training_mode', optional: true }],
  outputs: [{ name: 'output' }, { name: 'mask', optional: true }],
  attributes: { seed: { kind: 'int' } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.dtype !== 'float32' && x.dtype !== 'float64') ctx.fail(`data must be float32 or float64, got ${x.dtype}`);
    const ratio = ctx.inputType(1);
    if (ratio && ((ratio.dtype !== 'float32' && ratio.dtype !== 'float64') || !isScalarLike(ratio.shape))) {
      ctx.fail('ratio must be a float scalar');
    }
    const training = ctx.inputType(2);
    if (training && (training.dtype !== 'bool' || !isScalarLike(training.shape))) {
      ctx.fail('training_mode must be a bool scalar');
    }
    const mask = { dtype: 'bool' as const, shape: x.shape };
    return ctx.outputCount > 1 ? [x, mask] : [x];
  },
};

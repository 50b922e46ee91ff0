import type { TensorType } from '../../graph/TensorType.js';
import { formatShape, normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * Layer normalization over the dims from `axis` to the last (ONNX LayerNormalization semantics,
 * PyTorch's `nn.LayerNorm(normalized_shape)` is `axis = -len(normalized_shape)`); scale and bias
 * have the normalized dims' shape.
 */
export const LayerNorm: CoreOpDefinition<'LayerNorm'> = {
  op: 'LayerNorm',
  traits: { quantRole: 'compute', parameterInputs: [1, 2], int16Internals: true },
  summary: '(x - mean) / sqrt(var + epsilon) * scale + bias over dims axis..last.',
  inputs: [{ name: 'X' }, { name: 'Scale', optional: true }, { name: 'B', optional: true }],
  // Mean and 1 / sqrt(var + epsilon) per normalized row, float32, as ONNX's optional outputs.
  outputs: [{ name: 'Y' }, { name: 'Mean', optional: true }, { name: 'InvStdDev', optional: true }],
  attributes: {
    axis: { kind: 'int', default: -1 },
    epsilon: { kind: 'float', default: 1e-5 },
    stash_type: { kind: 'int', default: 1 },
  },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const axis = normalizeAxis(ctx.attrs.int('axis'), x.shape.length);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} is out of range for ${formatShape(x.shape)}`);
    for (const i of [1, 2]) {
      const t = ctx.inputType(i);
      if (t && t.dtype !== x.dtype) ctx.fail(`${i === 1 ? 'scale' : 'bias'} is ${t.dtype}, input is ${x.dtype}`);
    }
    if (ctx.attrs.int('stash_type') !== 1) ctx.fail('only stash_type 1 (float32 statistics) is supported');
    const stats: TensorType = { dtype: 'float32', shape: x.shape.map((d, k) => (k < axis ? d : 1)) };
    return [x, stats, stats].slice(0, ctx.outputCount);
  },
};

/** Inference-mode batch normalization over channel dim 1, with running statistics. */
export const BatchNorm: CoreOpDefinition<'BatchNorm'> = {
  op: 'BatchNorm',
  traits: { quantRole: 'compute', parameterInputs: [1, 2, 3, 4] },
  summary: '(x - mean) / sqrt(var + epsilon) * scale + bias per channel (dim 1), running statistics.',
  inputs: [{ name: 'X' }, { name: 'scale' }, { name: 'B' }, { name: 'mean' }, { name: 'var' }],
  outputs: [{ name: 'Y' }],
  attributes: { epsilon: { kind: 'float', default: 1e-5 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.shape.length < 2) ctx.fail(`input must be N x C x ..., got ${formatShape(x.shape)}`);
    for (let i = 1; i <= 4; i++) {
      const t = ctx.requireInput(i);
      if (
        t.shape.length !== 1 ||
        (typeof x.shape[1] === 'number' && typeof t.shape[0] === 'number' && t.shape[0] !== x.shape[1])
      ) {
        ctx.fail(`input ${i} must be [${x.shape[1]}], got ${formatShape(t.shape)}`);
      }
    }
    return [x];
  },
};

/** Softmax along one axis (opset 13 semantics). */
export const Softmax: CoreOpDefinition<'Softmax'> = {
  op: 'Softmax',
  traits: { quantRole: 'compute', int16Internals: true },
  summary: 'exp(x - max) / sum(exp(x - max)) along axis.',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { axis: { kind: 'int', default: -1 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (normalizeAxis(ctx.attrs.int('axis'), x.shape.length) === undefined) {
      ctx.fail(`axis ${ctx.attrs.int('axis')} is out of range for ${formatShape(x.shape)}`);
    }
    return [x];
  },
};

/**
 * Instance normalization (ONNX InstanceNormalization): per image and channel, over the spatial
 * dims, (x - mean) / sqrt(var + epsilon) * scale[c] + B[c] with the biased variance. PyTorch's
 * `nn.InstanceNorm{1,2,3}d` without running statistics exports as this.
 */
export const InstanceNorm: CoreOpDefinition<'InstanceNorm'> = {
  op: 'InstanceNorm',
  traits: { quantRole: 'compute', parameterInputs: [1, 2], int16Internals: true },
  summary: '(x - mean) / sqrt(var + epsilon) * scale + B per image and channel, over the spatial dims.',
  inputs: [{ name: 'input' }, { name: 'scale' }, { name: 'B' }],
  outputs: [{ name: 'output' }],
  attributes: { epsilon: { kind: 'float', default: 1e-5 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.shape.length < 3) ctx.fail(`input must be N x C x D1 x ..., got ${formatShape(x.shape)}`);
    const c = x.shape[1];
    for (const i of [1, 2]) {
      const t = ctx.requireInput(i);
      const what = i === 1 ? 'scale' : 'B';
      if (t.dtype !== x.dtype) ctx.fail(`${what} is ${t.dtype}, input is ${x.dtype}`);
      if (t.shape.length !== 1 || (typeof c === 'number' && typeof t.shape[0] === 'number' && t.shape[0] !== c))
        ctx.fail(`${what} must be [${c}], got ${formatShape(t.shape)}`);
    }
    return [x];
  },
};

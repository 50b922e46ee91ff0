import type { DType } from '../../dtype/DType.js';
import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import type { OpTraits } from '../OpTraits.js';
import { sameTypeUnaryOp } from './elementwise.js';

const FLOAT: readonly DType[] = ['float32', 'float64'];
const COMPUTE: OpTraits = { quantRole: 'compute' };

// Float attributes are float32 in ONNX: the defaults are the float32 values onnxruntime computes with.

export const HardSigmoid = sameTypeUnaryOp('HardSigmoid', 'max(0, min(1, alpha x + beta)).', COMPUTE, FLOAT, {
  alpha: { kind: 'float', default: Math.fround(0.2) },
  beta: { kind: 'float', default: 0.5 },
});
export const HardSwish = sameTypeUnaryOp('HardSwish', 'x max(0, min(1, x / 6 + 1/2)).', COMPUTE, FLOAT);
export const LeakyRelu = sameTypeUnaryOp('LeakyRelu', 'x where x >= 0, alpha x below.', COMPUTE, FLOAT, {
  alpha: { kind: 'float', default: Math.fround(0.01) },
});
export const Elu = sameTypeUnaryOp('Elu', 'x where x >= 0, alpha (e^x - 1) below.', COMPUTE, FLOAT, {
  alpha: { kind: 'float', default: 1 },
});
export const Selu = sameTypeUnaryOp('Selu', 'gamma x where x > 0, gamma alpha (e^x - 1) otherwise.', COMPUTE, FLOAT, {
  alpha: { kind: 'float', default: 1.6732631921768188 },
  gamma: { kind: 'float', default: 1.0507010221481323 },
});
export const Softplus = sameTypeUnaryOp('Softplus', 'log(1 + e^x).', COMPUTE, FLOAT);

/**
 * ONNX PRelu (opset 7 on): x where x >= 0, slope x below; the slope broadcasts to X one way (a
 * scalar, or one slope per channel as PyTorch's `nn.PReLU(C)` exports it, [C, 1, 1]). The slope
 * is a parameter of the op (its table or its per-channel multipliers), not an activation.
 */
export const PRelu: CoreOpDefinition<'PRelu'> = {
  op: 'PRelu',
  summary: 'x where x >= 0, slope x below; slope broadcasts to x.',
  traits: { quantRole: 'compute', parameterInputs: [1] },
  inputs: [{ name: 'X' }, { name: 'slope' }],
  outputs: [{ name: 'Y' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const slope = ctx.requireInput(1);
    if (!FLOAT.includes(x.dtype)) ctx.fail(`input dtype ${x.dtype} is not one of ${FLOAT.join(', ')}`);
    if (slope.dtype !== x.dtype) ctx.fail(`slope is ${slope.dtype}, X is ${x.dtype}`);
    const shape = broadcastShapes(x.shape, slope.shape);
    const oneWay =
      shape !== undefined &&
      shape.length === x.shape.length &&
      shape.every((d, i) => typeof d !== 'number' || typeof x.shape[i] !== 'number' || d === x.shape[i]);
    if (!oneWay) ctx.fail(`slope ${formatShape(slope.shape)} does not broadcast to X ${formatShape(x.shape)}`);
    return [x];
  },
};

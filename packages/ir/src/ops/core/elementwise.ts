import type { DType } from '../../dtype/DType.js';
import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape } from '../../shape/Shape.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';

const FLOAT: readonly DType[] = ['float32', 'float64'];

/** An op whose one output has its input's type (activations, math functions, stubs). */
export function sameTypeUnaryOp(
  op: string,
  summary: string,
  dtypes?: readonly DType[],
  attributes: OpDefinition['attributes'] = {},
): OpDefinition {
  return {
    op,
    summary,
    inputs: [{ name: 'X' }],
    outputs: [{ name: 'Y' }],
    attributes,
    inferTypes(ctx: InferenceContext) {
      const x = ctx.requireInput(0);
      if (dtypes && !dtypes.includes(x.dtype)) ctx.fail(`input dtype ${x.dtype} is not one of ${dtypes.join(', ')}`);
      return [x];
    },
  };
}

/** A broadcasting binary op whose inputs share a dtype (Pow's exponent may differ). */
export function broadcastBinaryOp(op: string, summary: string, sameDType = true): OpDefinition {
  return {
    op,
    summary,
    inputs: [{ name: 'A' }, { name: 'B' }],
    outputs: [{ name: 'C' }],
    attributes: {},
    inferTypes(ctx: InferenceContext) {
      const a = ctx.requireInput(0);
      const b = ctx.requireInput(1);
      if (sameDType && a.dtype !== b.dtype) ctx.fail(`input dtypes differ: ${a.dtype} and ${b.dtype}`);
      const shape = broadcastShapes(a.shape, b.shape);
      if (!shape) ctx.fail(`shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not broadcast`);
      return [{ dtype: a.dtype, shape }];
    },
  };
}

export const Add = broadcastBinaryOp('Add', 'Elementwise sum, broadcasting.');
export const Sub = broadcastBinaryOp('Sub', 'Elementwise difference, broadcasting.');
export const Mul = broadcastBinaryOp('Mul', 'Elementwise product, broadcasting.');
export const Div = broadcastBinaryOp('Div', 'Elementwise quotient, broadcasting (integers truncate).');
export const Pow = broadcastBinaryOp(
  'Pow',
  'Elementwise power, broadcasting; the exponent may be of another dtype.',
  false,
);

export const Relu = sameTypeUnaryOp('Relu', 'max(x, 0).');
export const Sigmoid = sameTypeUnaryOp('Sigmoid', '1 / (1 + exp(-x)).', FLOAT);
export const Tanh = sameTypeUnaryOp('Tanh', 'Hyperbolic tangent.', FLOAT);
export const Sqrt = sameTypeUnaryOp('Sqrt', 'Square root.', FLOAT);
export const Erf = sameTypeUnaryOp('Erf', 'The error function.', FLOAT);
export const Exp = sameTypeUnaryOp('Exp', 'e to the x.', FLOAT);
export const Identity = sameTypeUnaryOp('Identity', 'Its input, unchanged.');
export const Gelu = sameTypeUnaryOp('Gelu', "GELU: x * Phi(x); approximate 'tanh' uses the tanh form.", FLOAT, {
  approximate: { kind: 'string', default: 'none' },
});

/** Marks where quantization starts (PyTorch's QuantStub); the identity in float. */
export const QuantStub = sameTypeUnaryOp('QuantStub', 'Quantization starts here; the identity in float.');
/** Marks where quantization ends (PyTorch's DeQuantStub); the identity in float. */
export const DeQuantStub = sameTypeUnaryOp('DeQuantStub', 'Quantization ends here; the identity in float.');

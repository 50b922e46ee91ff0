import type { DType } from '../../dtype/DType.js';
import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext, OpDefinition } from '../OpDefinition.js';
import type { OpTraits } from '../OpTraits.js';

const FLOAT: readonly DType[] = ['float32', 'float64'];

/** An op whose one output has its input's type (activations, math functions, stubs). */
export function sameTypeUnaryOp<N extends string>(
  op: N,
  summary: string,
  traits: OpTraits,
  dtypes?: readonly DType[],
  attributes: OpDefinition['attributes'] = {},
): CoreOpDefinition<N> {
  return {
    op,
    summary,
    traits,
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

/**
 * A broadcasting binary op whose inputs share a dtype (Pow's exponent may differ), one of `dtypes`
 * when given; its output has A's dtype.
 */
export function broadcastBinaryOp<N extends string>(
  op: N,
  summary: string,
  traits: OpTraits,
  sameDType = true,
  dtypes?: readonly DType[],
): CoreOpDefinition<N> {
  return {
    op,
    summary,
    traits,
    inputs: [{ name: 'A' }, { name: 'B' }],
    outputs: [{ name: 'C' }],
    attributes: {},
    inferTypes(ctx: InferenceContext) {
      const a = ctx.requireInput(0);
      const b = ctx.requireInput(1);
      if (dtypes && !dtypes.includes(a.dtype)) ctx.fail(`input dtype ${a.dtype} is not one of ${dtypes.join(', ')}`);
      if (sameDType && a.dtype !== b.dtype) ctx.fail(`input dtypes differ: ${a.dtype} and ${b.dtype}`);
      const shape = broadcastShapes(a.shape, b.shape);
      if (!shape) ctx.fail(`shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not broadcast`);
      return [{ dtype: a.dtype, shape }];
    },
  };
}

const COMPUTE: OpTraits = { quantRole: 'compute' };
/** Add and Sub of two activations need one scale on both (calibration shares their observer). */
const ADDITIVE: OpTraits = { quantRole: 'compute', sharedInputScale: true };
const PASSTHROUGH: OpTraits = { quantRole: 'passthrough' };

export const Add = broadcastBinaryOp('Add', 'Elementwise sum, broadcasting.', ADDITIVE);
export const Sub = broadcastBinaryOp('Sub', 'Elementwise difference, broadcasting.', ADDITIVE);
export const Mul = broadcastBinaryOp('Mul', 'Elementwise product, broadcasting.', COMPUTE);
export const Div = broadcastBinaryOp('Div', 'Elementwise quotient, broadcasting (integers truncate).', COMPUTE);
export const Pow = broadcastBinaryOp(
  'Pow',
  'Elementwise power, broadcasting; the exponent may be of another dtype.',
  COMPUTE,
  false,
);

export const Relu = sameTypeUnaryOp('Relu', 'max(x, 0).', PASSTHROUGH);
export const Sigmoid = sameTypeUnaryOp('Sigmoid', '1 / (1 + exp(-x)).', COMPUTE, FLOAT);
export const Tanh = sameTypeUnaryOp('Tanh', 'Hyperbolic tangent.', COMPUTE, FLOAT);
export const Sqrt = sameTypeUnaryOp('Sqrt', 'Square root.', COMPUTE, FLOAT);
export const Erf = sameTypeUnaryOp('Erf', 'The error function.', COMPUTE, FLOAT);
export const Exp = sameTypeUnaryOp('Exp', 'e to the x.', COMPUTE, FLOAT);
export const Identity = sameTypeUnaryOp('Identity', 'Its input, unchanged.', PASSTHROUGH);
export const Gelu = sameTypeUnaryOp(
  'Gelu',
  "GELU: x * Phi(x); approximate 'tanh' uses the tanh form.",
  COMPUTE,
  FLOAT,
  { approximate: { kind: 'string', default: 'none' } },
);

/** Marks where quantization starts (PyTorch's QuantStub); the identity in float. */
export const QuantStub = sameTypeUnaryOp('QuantStub', 'Quantization starts here; the identity in float.', {
  quantRole: 'quant-stub',
});
/** Marks where quantization ends (PyTorch's DeQuantStub); the identity in float. */
export const DeQuantStub = sameTypeUnaryOp('DeQuantStub', 'Quantization ends here; the identity in float.', {
  quantRole: 'dequant-stub',
});

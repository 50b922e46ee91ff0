import {
  elu,
  erf,
  gelu,
  geluTanh,
  hardSigmoid,
  hardSwish,
  leakyRelu,
  type Node,
  reciprocal,
  roundHalfToEven,
  selu,
  sigmoid,
  sign,
  softplus,
} from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';

/** A scalar float function a table replaces. */
export interface NonlinearFunction {
  readonly name: string;
  readonly f: (x: number) => number;
}

/** The nonlinear op a table can replace, with the same arithmetic the float kernels use. */
export function nonlinearFunctionOf(ctx: LoweringContext, node: Node): NonlinearFunction | undefined {
  const attrs = () => ctx.source.registry.attributesOf(node);
  switch (node.op) {
    case 'Sigmoid':
      return { name: 'sigmoid', f: sigmoid };
    case 'Tanh':
      return { name: 'tanh', f: Math.tanh };
    case 'Erf':
      return { name: 'erf', f: erf };
    case 'Exp':
      return { name: 'exp', f: Math.exp };
    case 'Gelu':
      return attrs().string('approximate') === 'tanh' ? { name: 'gelu-tanh', f: geluTanh } : { name: 'gelu', f: gelu };
    default:
      return elementwiseFamilyFunction(node, ctx);
  }
}

/**
 * The tables of the elementwise family: any scalar function of one activation (ONNX's
 * activations, Log, Reciprocal, Cos, Sin, and the steps Sign, Round, Floor, Ceil), with the float
 * kernels' own scalar functions and attributes. PRelu only with one slope (per-channel slopes
 * are an integer op).
 */
function elementwiseFamilyFunction(node: Node, ctx: LoweringContext): NonlinearFunction | undefined {
  const attrs = ctx.source.registry.attributesOf(node);
  switch (node.op) {
    case 'HardSwish':
      return { name: 'hardswish', f: hardSwish };
    case 'HardSigmoid': {
      const [alpha, beta] = [attrs.float('alpha'), attrs.float('beta')];
      return { name: 'hardsigmoid', f: (x) => hardSigmoid(x, alpha, beta) };
    }
    case 'LeakyRelu': {
      const alpha = attrs.float('alpha');
      return { name: 'leakyrelu', f: (x) => leakyRelu(x, alpha) };
    }
    case 'PRelu': {
      const slope = node.inputs[1]?.constant;
      if (slope?.size !== 1) return undefined;
      const alpha = slope.toNumbers()[0] as number;
      return { name: 'prelu', f: (x) => leakyRelu(x, alpha) };
    }
    case 'Elu': {
      const alpha = attrs.float('alpha');
      return { name: 'elu', f: (x) => elu(x, alpha) };
    }
    case 'Selu': {
      const [alpha, gamma] = [attrs.float('alpha'), attrs.float('gamma')];
      return { name: 'selu', f: (x) => selu(x, alpha, gamma) };
    }
    case 'Softplus':
      return { name: 'softplus', f: softplus };
    case 'Log':
      return { name: 'log', f: Math.log };
    case 'Reciprocal':
      return { name: 'reciprocal', f: reciprocal };
    case 'Cos':
      return { name: 'cos', f: Math.cos };
    case 'Sin':
      return { name: 'sin', f: Math.sin };
    case 'Sign':
      return { name: 'sign', f: sign };
    case 'Round':
      return { name: 'round', f: roundHalfToEven };
    case 'Floor':
      return { name: 'floor', f: Math.floor };
    case 'Ceil':
      return { name: 'ceil', f: Math.ceil };
    default:
      return undefined;
  }
}

import { erf, gelu, geluTanh, type Node, sigmoid } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';

/** A scalar float function a table replaces. */
export interface NonlinearFunction {
  readonly name: string;
  readonly f: (x: number) => number;
}

/** The nonlinear op a table can replace, with the same arithmetic the float kernels use. */
export function nonlinearFunctionOf(ctx: LoweringContext, node: Node): NonlinearFunction | undefined {
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
      return ctx.source.registry.attributesOf(node).string('approximate') === 'tanh'
        ? { name: 'gelu-tanh', f: geluTanh }
        : { name: 'gelu', f: gelu };
    default:
      return undefined;
  }
}

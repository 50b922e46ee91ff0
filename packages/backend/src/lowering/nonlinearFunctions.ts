import { erf, gelu, geluTanh, type Node, sigmoid } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';

/** A scalar float function and the width W around 0 where it bends (its table is densest there). */
export interface NonlinearFunction {
  readonly name: string;
  readonly f: (x: number) => number;
  readonly width: number;
}

/** The nonlinear op a table can replace, with the same arithmetic the float kernels use. */
export function nonlinearFunctionOf(ctx: LoweringContext, node: Node): NonlinearFunction | undefined {
  switch (node.op) {
    case 'Sigmoid':
      return { name: 'sigmoid', f: sigmoid, width: 8 };
    case 'Tanh':
      return { name: 'tanh', f: Math.tanh, width: 4 };
    case 'Erf':
      return { name: 'erf', f: erf, width: 3 };
    case 'Gelu':
      return ctx.source.registry.attributesOf(node).string('approximate') === 'tanh'
        ? { name: 'gelu-tanh', f: geluTanh, width: 6 }
        : { name: 'gelu', f: gelu, width: 6 };
    default:
      return undefined;
  }
}

import type { Node } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';
import { lowerPassthrough } from './lowerPassthrough.js';
import type { LoweringOutcome } from './OpLowering.js';

/**
 * ScatterND on the integers: data and updates share one scale (calibration gives them one
 * observer; a different one is rescaled), so replacing entries, or keeping the larger or smaller
 * of two, is exact on the codes. Adding or multiplying computes values the shared scale may not
 * hold (a product is at the square of the scale): those stay float.
 */
export function lowerScatterND(ctx: LoweringContext, node: Node): LoweringOutcome {
  const reduction = node.attrs.reduction ?? 'none';
  if (reduction === 'add' || reduction === 'mul') {
    return `reduction '${reduction}' computes new values, not only moves them`;
  }
  return lowerPassthrough(ctx, node);
}

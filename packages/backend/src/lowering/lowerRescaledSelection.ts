import type { Node } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { perTensorInputs } from './perTensorActivation.js';
import { emitRescaledInputs } from './rescaledInputs.js';

/**
 * Max and Min of one or more per-tensor activations as qtk's integer Max/Min: each input brought to
 * the output scale with the policy's extra fractional bits (inputs that share a scale, as
 * calibration makes two activations, get equal multipliers), the pick, one rounding.
 */
export function lowerRescaledSelection(ctx: LoweringContext, node: Node): LoweringOutcome {
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const inputs = perTensorInputs(ctx, node);
  if (typeof inputs === 'string') return inputs;
  return emitRescaledInputs(ctx, node, fq, node.op, inputs);
}

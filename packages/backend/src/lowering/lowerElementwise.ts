import type { Node } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { outputPoint } from './outputPoint.js';
import { isPerTensorActivation } from './perTensorActivation.js';
import { emitRescaledInputs, rescaledInputsAttributes } from './rescaledInputs.js';

/**
 * Add, Sub and Mul of two per-tensor integer inputs, requantized into the point after them: Add
 * and Sub rescale both inputs to the output scale (with extra fractional bits) and sum; Mul
 * multiplies and requantizes once. Returns false when the inputs or output do not fit.
 */
export function lowerElementwise(ctx: LoweringContext, node: Node): boolean {
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const [a, b] = [ctx.get(node.input(0)), ctx.get(node.input(1))];
  if (!isPerTensorActivation(a) || !isPerTensorActivation(b)) return false;
  if (node.op !== 'Mul') return emitRescaledInputs(ctx, node, fq, node.op, [a, b]);
  const target = fakeQuantTarget(fq);
  const [sa, sb] = [a.scales[0] as number, b.scales[0] as number];
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: node.op,
    inputs: [a.value, b.value],
    attrs: rescaledInputsAttributes(ctx, node, target, [sa, sb], [(sa * sb) / (target.scales[0] as number)]),
    unit: ctx.policy.units.vector,
  });
}

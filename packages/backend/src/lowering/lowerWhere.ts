import type { Node, Value } from '@qtk/ir';
import { gridConstant } from './gridConstant.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { activationMismatch, isPerTensorActivation, type PerTensorActivation } from './perTensorActivation.js';

/**
 * Where selects and computes nothing: on the integers of the activation it passes through (the
 * first of X and Y that is one, as quantization takes it), the other brought to its scale (the two
 * share one observer, so usually nothing to do), a constant used only when it is exactly one of its
 * codes. A constant that is not (masked_fill's -inf) keeps the op float: the float model passes it
 * through unrounded, which no integer does.
 */
export function lowerWhere(ctx: LoweringContext, node: Node): LoweringOutcome {
  const [x, y] = [ctx.get(node.input(1)), ctx.get(node.input(2))];
  const first = [x, y].find(isPerTensorActivation);
  if (!first) return false;
  const target = { dtype: first.dtype, scales: first.scales };
  const operand = (i: 1 | 2): Value | string => {
    const l = i === 1 ? x : y;
    const name = i === 1 ? 'X' : 'Y';
    if (l === first) return l.value;
    if (l.kind === 'int' && l.scales.length === 1 && l.dtype !== 'int32') {
      if (l.dtype === first.dtype && l.scales[0] === first.scales[0]) return l.value;
      ctx.warnings.push(
        `${node.name}: input ${i} has another scale than the activation it selects with; rescaled to it`,
      );
      return ctx.quantizeTo(l, target, `${node.name}_input_${i}_rescale`).value;
    }
    const c = node.input(i).constant;
    if (!c) return (activationMismatch(l, i) ?? `input ${i} is not quantized`).replace(`input ${i}`, name);
    const k = gridConstant(ctx, node.input(i), first as PerTensorActivation, `${node.name}.${name}_int`);
    if (k) return k;
    const shown = c.size === 1 ? ` (${c.toNumbers()[0]})` : '';
    return `${name} is a constant${shown} that no ${first.dtype} code at the selected activation's scale holds`;
  };
  const [xq, yq] = [operand(1), operand(2)];
  if (typeof xq === 'string') return xq;
  if (typeof yq === 'string') return yq;
  const out = ctx.emit({
    op: 'Where',
    name: node.name,
    inputs: [ctx.get(node.input(0)).value, xq, yq],
    outputs: [node.output().name],
    unit: ctx.policy.units.vector,
  });
  ctx.set(node.output(), { kind: 'int', value: out.output(), dtype: first.dtype, scales: first.scales });
  return true;
}

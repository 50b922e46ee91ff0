import { isFloatDType, type Node } from '@qtk/ir';
import type { LoweredInt } from './Lowered.js';
import type { LoweringContext } from './LoweringContext.js';

/**
 * ArgMax and ArgMin of a per-tensor quantized activation run on its integers: x = q s with one
 * s > 0 is monotonic in q, so the index of the extreme is the same, and so are ties (equal q are
 * equal x in the fake-quant model), making it exact. An index of integer data (shape arithmetic)
 * is copied as it is; of float data it falls back to the CPU, saying why.
 */
export function lowerArgExtremum(ctx: LoweringContext, node: Node): boolean | string {
  const input = node.input(0);
  if (!isFloatDType(input.type.dtype)) return false;
  const lowered = ctx.get(input);
  const x: LoweredInt | undefined = lowered.kind === 'int' ? lowered : lowered.dequantizedFrom;
  if (!x) return 'its input is float data, not a quantized activation';
  if (x.scales.length !== 1) return 'its input has a scale per channel, so its integers do not compare as its values';
  const out = ctx.emit({
    op: node.op,
    name: node.name,
    inputs: [x.value],
    attrs: { ...node.attrs },
    outputs: [node.output().name],
    unit: ctx.policy.units.vector,
  });
  ctx.set(node.output(), { kind: 'float', value: out.output() });
  return true;
}

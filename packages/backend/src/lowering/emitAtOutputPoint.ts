import { type AttributeValue, type Node, QTK_DOMAIN, type Value } from '@qtk/ir';
import type { HardwareUnit } from '../HardwareUnit.js';
import type { LoweringContext, QuantTarget } from './LoweringContext.js';

/** One of qtk's integer ops (domain `qtk`) standing for a QAT node: its op, inputs, attributes and unit. */
export interface IntegerOpSpec {
  readonly op: string;
  readonly inputs: readonly (Value | null)[];
  readonly attrs: Record<string, AttributeValue>;
  readonly unit: HardwareUnit;
}

/**
 * Emits the integer op `spec` for `node`, named as it and writing its output's name, which
 * requantizes straight into the node's output point `fq` (whose dtype and scale are `target`): its
 * result stands for the point, which emits nothing. Returns true, the lowering's outcome.
 */
export function emitAtOutputPoint(
  ctx: LoweringContext,
  node: Node,
  fq: Node,
  target: QuantTarget,
  spec: IntegerOpSpec,
): true {
  const out = ctx.emit({
    op: spec.op,
    domain: QTK_DOMAIN,
    name: node.name,
    inputs: spec.inputs,
    attrs: spec.attrs,
    outputs: [node.output().name],
    unit: spec.unit,
  });
  ctx.completePoint(fq, out.output(), target.dtype, target.scales[0] as number);
  return true;
}

import type { Node } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';

/**
 * An op the backend has no integer kernel for runs in float32 on the CPU: its integer inputs are
 * dequantized (on the CPU), the op is copied as it is, and the node is annotated as a fallback;
 * a warning says so, with `reason` when the lowering gave one. Never silently.
 */
export function lowerFallback(ctx: LoweringContext, node: Node, march: string, reason?: string): void {
  const inputs = node.inputs.map((v) => (v ? ctx.toFloat(ctx.get(v), ctx.policy.units.fallback).value : null));
  const out = ctx.emit({
    op: node.op,
    domain: node.domain,
    name: node.name,
    inputs,
    attrs: { ...node.attrs },
    outputs: node.outputs.map((o) => o.name),
    unit: ctx.policy.units.fallback,
    fallback: true,
  });
  node.outputs.forEach((o, k) => {
    ctx.set(o, { kind: 'float', value: out.output(k), onCpu: true });
  });
  const why = reason ? ` (${reason})` : '';
  ctx.warnings.push(`${node.name} (${node.op}): no integer kernel on ${march}${why}; runs in float32 on the CPU`);
}

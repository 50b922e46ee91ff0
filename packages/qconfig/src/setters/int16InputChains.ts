import type { Node, Value } from '@qtk/ir';
import { isParameterInput } from '../prepare/quantRole.js';
import type { SetterContext } from './SetterContext.js';

/**
 * The ops whose outputs the vendor's int8 presets make int16 because they feed an input an op
 * declares `int16Inputs` (GridSample's grid): from that input back through the ops that compute or
 * move it, up to and including the first GEMM or QuantStub on each path. Ops that only move values
 * (reshapes, Concat) keep their input's quantization and are walked through, not listed.
 */
export function int16InputChains(ctx: SetterContext): Set<Node> {
  const registry = ctx.graph.registry;
  const chain = new Set<Node>();
  const walked = new Set<Node>();
  const visit = (v: Value | null | undefined): void => {
    const p = v?.producer;
    if (!p || walked.has(p)) return;
    walked.add(p);
    const role = ctx.role(p);
    if (role === 'float' || role === 'dequant-stub') return;
    if (role !== 'passthrough') chain.add(p);
    if (role === 'gemm' || role === 'quant-stub') return;
    p.inputs.forEach((u, i) => {
      if (u && !u.constant && !isParameterInput(p, i, registry)) visit(u);
    });
  };
  for (const node of ctx.ops) {
    for (const i of registry.traitsOf(node).int16Inputs ?? []) visit(node.inputs[i]);
  }
  return chain;
}

import { type Node, roundHalfToEven, Tensor, type Value } from '@qtk/ir';
import type { LoweredInt } from './Lowered.js';
import type { LoweringContext } from './LoweringContext.js';

/**
 * The inputs that carry data: the float inputs that are not parameters of the op (the others are
 * shapes, axes, indices, bounds).
 */
function dataInputs(ctx: LoweringContext, node: Node): number[] {
  const parameters = ctx.source.registry.traitsOf(node).parameterInputs ?? [];
  return node.inputs.flatMap((v, i) =>
    v && !parameters.includes(i) && (v.type.dtype === 'float32' || v.type.dtype === 'float64') ? [i] : [],
  );
}

/**
 * A passthrough op on a per-tensor integer input runs on the integers (Concat inputs first brought
 * to the first input's scale; Clip bounds quantized). On a float input it stays a float op.
 * Returns false when it cannot run on integers here (per-channel int32, say). `replacements`
 * gives converted values for inputs the caller quantized itself (a Pad's constant value).
 */
export function lowerPassthrough(
  ctx: LoweringContext,
  node: Node,
  replacements: ReadonlyMap<number, Value> = new Map(),
): boolean {
  const data = dataInputs(ctx, node);
  const lowered = data.map((i) => ctx.get(node.input(i)));
  const first = lowered[0];
  if (!first || first.kind === 'float') return false;
  if (first.scales.length !== 1 || first.dtype === 'int32') return false;
  if (lowered.some((l) => l.kind !== 'int')) return false;
  const target = { dtype: first.dtype, scales: first.scales };
  const inputs: (Value | null)[] = node.inputs.map((v, i) => {
    if (!v) return null;
    const replaced = replacements.get(i);
    if (replaced) return replaced;
    if (!data.includes(i)) {
      if (node.op === 'Clip') return clipBound(ctx, node, i, first);
      return ctx.get(v).value;
    }
    const l = lowered[data.indexOf(i)] as LoweredInt;
    if (l === first || (l.dtype === first.dtype && l.scales[0] === first.scales[0])) return l.value;
    ctx.warnings.push(`${node.name}: input ${i} has another scale than input 0 and is rescaled to it`);
    return ctx.quantizeTo(l, target, `${node.name}_input_${i}_rescale`).value;
  });
  const out = ctx.emit({
    op: node.op,
    name: node.name,
    inputs,
    attrs: { ...node.attrs },
    outputs: node.outputs.map((o) => o.name),
    unit: ctx.policy.units.vector,
  });
  node.outputs.forEach((o, k) => {
    ctx.set(o, { kind: 'int', value: out.output(k), dtype: first.dtype as 'int8' | 'int16', scales: first.scales });
  });
  return true;
}

/** A Clip bound as an integer scalar of the input's dtype at its scale. */
function clipBound(ctx: LoweringContext, node: Node, i: number, x: LoweredInt): Value {
  const v = node.input(i).constant?.toNumbers()[0] ?? 0;
  const q = roundHalfToEven(v / (x.scales[0] as number));
  const t = Tensor.zeros(x.dtype, []);
  (t.data as Int8Array)[0] = Math.min(
    Math.max(q, x.dtype === 'int8' ? -128 : -32768),
    x.dtype === 'int8' ? 127 : 32767,
  );
  return ctx.graph.addConstant(`${node.name}.${i === 1 ? 'min' : 'max'}_int`, t);
}

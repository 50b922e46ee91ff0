import { type Graph, type Node, type OpRegistry, QUANT_DTYPES, type QuantDType, type Value } from '@qtk/ir';
import { isParameterInput, passthroughSource, quantRoleOf } from './quantRole.js';

function isConstantPoint(fq: Node): boolean {
  return fq.inputs[0]?.constant !== undefined;
}

/** The FakeQuantize that decides a value's scale, looking back through passthrough ops. */
function sourceOf(v: Value | null, registry: OpRegistry): Node | undefined {
  const p = v?.producer;
  if (!p) return undefined;
  if (p.op === 'FakeQuantize') return p;
  if (quantRoleOf(p, registry) === 'passthrough') return sourceOf(passthroughSource(p, registry), registry);
  return undefined;
}

/**
 * Ops that need equal input scales (their definition says `sharedInputScale`: Concat; Add and Sub
 * of two activations) get them: the
 * fake-quantization points their inputs come from share one observer (the first point's), and the
 * widest dtype among them. Returns, for each point that now shares, a note for the qconfig table.
 */
export function shareObservers(graph: Graph): Map<string, string> {
  const parent = new Map<Node, Node>();
  const find = (n: Node): Node => {
    let r = n;
    while (parent.get(r) !== r && parent.get(r)) r = parent.get(r) as Node;
    return r;
  };
  const why = new Map<Node, string>();
  const order = new Map(graph.nodes.map((n, i) => [n, i]));
  for (const node of graph.nodes) {
    if (!graph.registry.traitsOf(node).sharedInputScale) continue;
    // A computing op shares only between activations: Add(x, constant) keeps the constant's own scale.
    const computing = quantRoleOf(node, graph.registry) !== 'passthrough';
    const data = node.inputs.filter((v, i) => !isParameterInput(node, i, graph.registry) && v !== null);
    // (By now a constant operand sits behind its own FakeQuantize: that point is a constant's.)
    const sources = [
      ...new Set(data.map((v) => sourceOf(v, graph.registry)).filter((n): n is Node => n !== undefined)),
    ].filter((fq) => !(computing && isConstantPoint(fq)));
    if (sources.length < 2) continue;
    for (const s of sources) {
      if (!parent.has(s)) parent.set(s, s);
      why.set(s, `${why.has(s) ? `${why.get(s)}, ` : ''}${node.name} (${node.op})`);
    }
    // An activation's observer leads: a constant (a Concat's constant input) only bounds the scale
    // from below (see PreparedModel), it never picks the observer.
    const rank = (n: Node) => (isConstantPoint(n) ? graph.nodes.length : 0) + (order.get(n) as number);
    const roots = sources.map(find).sort((a, b) => rank(a) - rank(b));
    for (const r of roots.slice(1)) parent.set(r, roots[0] as Node);
  }
  const groups = new Map<Node, Node[]>();
  for (const n of parent.keys()) {
    const r = find(n);
    groups.set(r, [...(groups.get(r) ?? []), n]);
  }
  const notes = new Map<string, string>();
  for (const [leader, members] of groups) {
    const widest = members
      .map((m) => m.attrs.dtype as QuantDType)
      .reduce((a, b) => (QUANT_DTYPES.indexOf(b) > QUANT_DTYPES.indexOf(a) ? b : a));
    for (const m of members) {
      m.attrs = { ...m.attrs, observer: leader.name, dtype: widest };
      notes.set(
        m.name,
        `shares its scale with ${members
          .filter((o) => o !== m)
          .map((o) => o.name)
          .join(', ')} for ${why.get(m)}`,
      );
    }
  }
  return notes;
}

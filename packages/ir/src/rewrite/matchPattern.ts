import type { Graph } from '../graph/Graph.js';
import type { Node } from '../graph/Node.js';
import type { Value } from '../graph/Value.js';
import type { OpPattern, Pattern } from './Pattern.js';

/** A successful match: the captured nodes and values, and every node the pattern covered. */
export interface Match {
  readonly root: Node;
  readonly nodes: Readonly<Record<string, Node>>;
  readonly values: Readonly<Record<string, Value>>;
  /** Covered nodes, root first. */
  readonly covered: readonly Node[];
}

interface State {
  readonly nodes: Record<string, Node>;
  readonly values: Record<string, Value>;
  readonly covered: Node[];
  /** Covered nodes whose pattern allows readers outside the match. */
  readonly shared: Node[];
}

function copy(s: State): State {
  return { nodes: { ...s.nodes }, values: { ...s.values }, covered: [...s.covered], shared: [...s.shared] };
}

function matchValue(value: Value | null, pattern: Pattern, state: State): State | undefined {
  if (!value) return undefined;
  if (pattern.kind === 'op') return value.producer ? matchNode(value.producer, pattern, state) : undefined;
  if (pattern.constant && !value.constant) return undefined;
  if (pattern.where && !pattern.where(value)) return undefined;
  if (!pattern.capture) return state;
  const prior = state.values[pattern.capture];
  if (prior && prior !== value) return undefined;
  const next = copy(state);
  next.values[pattern.capture] = value;
  return next;
}

function matchNode(node: Node, pattern: OpPattern, state: State): State | undefined {
  const ops = typeof pattern.op === 'string' ? [pattern.op] : pattern.op;
  if (!ops.includes(node.op) || node.domain !== (pattern.domain ?? '')) return undefined;
  if (pattern.where && !pattern.where(node)) return undefined;
  if (state.covered.includes(node)) return undefined;
  const base = copy(state);
  base.covered.push(node);
  if (pattern.oneUse === false) base.shared.push(node);
  if (pattern.capture) base.nodes[pattern.capture] = node;
  const orders: (readonly Pattern[])[] = [pattern.inputs];
  if (pattern.commutative && pattern.inputs.length >= 2) {
    const [a, b, ...rest] = pattern.inputs as [Pattern, Pattern, ...Pattern[]];
    orders.push([b, a, ...rest]);
  }
  for (const inputs of orders) {
    let s: State | undefined = base;
    for (let i = 0; i < inputs.length && s; i++) s = matchValue(node.inputs[i] ?? null, inputs[i] as Pattern, s);
    if (s) return s;
  }
  return undefined;
}

/**
 * Matches `pattern` rooted at `node`, or `undefined`. Nodes below the root must not be read from
 * outside the match nor be graph outputs (unless their pattern says `oneUse: false`), so that a
 * rewrite replacing the match loses nothing.
 */
export function matchAt(graph: Graph, node: Node, pattern: OpPattern): Match | undefined {
  const state = matchNode(node, pattern, { nodes: {}, values: {}, covered: [], shared: [] });
  if (!state) return undefined;
  const outputs = new Set(graph.outputs);
  const inside = new Set(state.covered);
  for (const n of state.covered) {
    if (n === node || state.shared.includes(n)) continue;
    for (const out of n.outputs) {
      if (outputs.has(out) || out.uses.some((u) => !inside.has(u.node))) return undefined;
    }
  }
  return { root: node, nodes: state.nodes, values: state.values, covered: state.covered };
}

/** Every match of `pattern` in node order (matches may overlap). */
export function findMatches(graph: Graph, pattern: OpPattern): Match[] {
  const out: Match[] = [];
  for (const node of graph.nodes) {
    const m = matchAt(graph, node, pattern);
    if (m) out.push(m);
  }
  return out;
}

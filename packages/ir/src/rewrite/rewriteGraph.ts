import type { Graph, NodeSpec } from '../graph/Graph.js';
import type { Node } from '../graph/Node.js';
import type { Value } from '../graph/Value.js';
import { type Match, matchAt } from './matchPattern.js';
import type { OpPattern } from './Pattern.js';

/** A named rewrite: where `pattern` matches, `apply` may change the graph (and says if it did). */
export interface RewriteRule {
  readonly name: string;
  readonly pattern: OpPattern;
  apply(match: Match, graph: Graph): boolean;
}

/**
 * Applies rules until none matches any more (a fixpoint), visiting nodes in order. Returns how many
 * times each rule fired. A rule must make progress when it returns true, or this would not end;
 * a generous bound turns such a bug into an error instead of a hang.
 */
export function rewriteGraph(graph: Graph, rules: readonly RewriteRule[]): Record<string, number> {
  const fired: Record<string, number> = Object.fromEntries(rules.map((r) => [r.name, 0]));
  const limit = 10 * (graph.nodes.length + 10) * Math.max(1, rules.length);
  let total = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const rule of rules) {
      for (const node of [...graph.nodes]) {
        if (!graph.nodes.includes(node)) continue;
        const m = matchAt(graph, node, rule.pattern);
        if (m && rule.apply(m, graph)) {
          fired[rule.name] = (fired[rule.name] ?? 0) + 1;
          changed = true;
          if (++total > limit) throw new Error(`rewrite rule '${rule.name}' does not converge`);
        }
      }
    }
  }
  return fired;
}

/**
 * The common rewrite: adds one node, right before the match's root, that computes what the root
 * did; rewires the root's readers to it; removes the covered nodes. The new node takes `spec.name`
 * (free once the covered nodes are gone) and its outputs take over the root outputs' names, so
 * names downstream stay as they were.
 */
export function replaceMatch(graph: Graph, match: Match, spec: Omit<NodeSpec, 'before' | 'outputs'>): Node {
  const root = match.root;
  const oldOutputs: Value[] = [...root.outputs];
  const wanted = spec.name ?? root.name;
  const node = graph.addNode({
    ...spec,
    name: graph.uniqueNodeName(`${wanted}__rewritten`),
    before: root,
    outputs: oldOutputs.map((o) => graph.uniqueValueName(`${o.name}__rewritten`)),
  });
  for (let i = 0; i < oldOutputs.length; i++) graph.replaceAllUses(oldOutputs[i] as Value, node.output(i));
  // Readers go before what they read: in a DAG-shaped match (x - mean feeding both a Pow and a
  // Div) a covered node may still be read by a covered node later in `covered`.
  const position = new Map(graph.nodes.map((n, i) => [n, i]));
  const removal = [...match.covered].sort((a, b) => (position.get(b) ?? 0) - (position.get(a) ?? 0));
  for (const n of removal) graph.removeNode(n);
  for (let i = 0; i < oldOutputs.length; i++) graph.renameValue(node.output(i), (oldOutputs[i] as Value).name);
  graph.renameNode(node, graph.uniqueNodeName(wanted));
  return node;
}

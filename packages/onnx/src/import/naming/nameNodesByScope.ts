import type { Graph, Node } from '@qtk/ir';
import type { NodeOrigins } from './NodeOrigins.js';
import { commonScope, isScopedName, scopedPath } from './scopeName.js';

/** The name a node would like: its scope when its origins are scoped, else its root origin's name. */
function preferredName(node: Node, origins: readonly string[]): string {
  const root = origins[0] ?? '';
  if (!isScopedName(root)) return root || node.op;
  return commonScope(origins) || scopedPath(root);
}

/** The fallback when several nodes prefer the same name: the root origin's full path. */
function fullName(node: Node, origins: readonly string[]): string {
  const root = origins[0] ?? '';
  return isScopedName(root) ? scopedPath(root) : root || node.op;
}

/**
 * Renames every node after the ONNX nodes it came from. A node whose ONNX names are PyTorch scopes
 * (`/linear1/MatMul` + `/linear1/Add`) takes their common module scope (`linear1`), which is what
 * users call the layer; other names are kept as they are. When several nodes would take one name,
 * they take their full ONNX path instead (`block/Add`); duplicates left then get `_1`, `_2`...
 * in graph order.
 */
export function nameNodesByScope(graph: Graph, origins: NodeOrigins): void {
  const nodes = [...graph.nodes];
  const preferred = nodes.map((n) => preferredName(n, origins.get(n)));
  const count = new Map<string, number>();
  for (const p of preferred) count.set(p, (count.get(p) ?? 0) + 1);
  const wanted = nodes.map((n, i) => {
    const p = preferred[i] as string;
    return (count.get(p) ?? 0) > 1 ? fullName(n, origins.get(n)) : p;
  });
  // Two passes, so that a node may take a name another node holds until its own turn.
  nodes.forEach((n, i) => {
    graph.renameNode(n, graph.uniqueNodeName(`${wanted[i]}__renaming`));
  });
  nodes.forEach((n, i) => {
    graph.renameNode(n, graph.uniqueNodeName(wanted[i] as string));
  });
}

import type { Graph } from '@qtk/ir';

/** The ops of the nodes reading the output of node `name` (undefined when there is no such node). */
export function readerOps(graph: Graph, name: string): string[] | undefined {
  return graph
    .findNode(name)
    ?.output()
    .uses.map((u) => u.node.op);
}

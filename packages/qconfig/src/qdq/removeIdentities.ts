import type { Graph } from '@qtk/ir';

/**
 * Removes Identity nodes, readers and graph outputs reading their input instead (an output keeps
 * its name). A QDQ file writes a model's QuantStub/DeQuantStub as Identity: without them, the stubs
 * inserted afterwards take their places and names. An Identity between a graph input and a graph
 * output stays, since the two names must both exist.
 */
export function removeIdentities(graph: Graph): void {
  for (const node of [...graph.nodes]) {
    if (node.op !== 'Identity' || node.domain !== '') continue;
    const x = node.input(0);
    const y = node.output();
    const isOutput = graph.outputs.includes(y);
    if (isOutput && (graph.inputs.includes(x) || x.constant || graph.outputs.includes(x))) continue;
    const name = y.name;
    graph.replaceAllUses(y, x);
    graph.removeNode(node);
    if (isOutput) graph.renameValue(x, name);
  }
}

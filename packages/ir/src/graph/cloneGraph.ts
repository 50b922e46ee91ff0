import { Graph } from './Graph.js';
import type { Value } from './Value.js';

/**
 * A structural copy of a graph: new values and nodes with the same names, types and attributes.
 * Constant tensors are shared, not copied (tensors attached to graphs are treated as immutable).
 */
export function cloneGraph(source: Graph): Graph {
  const copy = new Graph(source.name, source.registry);
  Object.assign(copy.metadata, source.metadata);
  const map = new Map<Value, Value>();
  for (const v of source.inputs) map.set(v, copy.addInput(v.name, v.type));
  for (const v of source.constants) map.set(v, copy.addConstant(v.name, v.constant as NonNullable<Value['constant']>));
  for (const n of source.nodes) {
    const node = copy.addNode({
      op: n.op,
      domain: n.domain,
      name: n.name,
      attrs: { ...n.attrs },
      inputs: n.inputs.map((v) => (v ? (map.get(v) as Value) : null)),
      outputs: n.outputs.map((o) => o.name),
      outputTypes: n.outputs.map((o) => o.type),
    });
    node.annotations = { ...n.annotations };
    for (let i = 0; i < n.outputs.length; i++) map.set(n.outputs[i] as Value, node.output(i));
  }
  copy.setOutputs(source.outputs.map((v) => map.get(v) as Value));
  return copy;
}

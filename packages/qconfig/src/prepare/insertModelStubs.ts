import type { Graph } from '@qtk/ir';

function isFloat(dtype: string): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

/**
 * A model without stubs (an imported ONNX model) is quantized from its inputs to its outputs, as if
 * it had a QuantStub after every float input and a DeQuantStub before every float output. Inserts
 * them (named `quant`, `dequant`, with suffixes when several); graph outputs keep their names.
 * Returns false when the graph already has stubs (a model written with them decides itself).
 */
export function insertModelStubs(graph: Graph): boolean {
  if (graph.nodes.some((n) => n.op === 'QuantStub' || n.op === 'DeQuantStub')) return false;
  for (const input of graph.inputs) {
    if (!isFloat(input.type.dtype) || input.uses.length === 0) continue;
    const uses = [...input.uses];
    const stub = graph.addNode({
      op: 'QuantStub',
      name: 'quant',
      inputs: [input],
      outputs: [`${input.name}_quantized`],
    });
    for (const use of uses) use.node.setInput(use.index, stub.output());
  }
  const outputs = graph.outputs.map((value) => {
    if (!isFloat(value.type.dtype)) return value;
    const name = value.name;
    graph.renameValue(value, graph.uniqueValueName(`${name}_before_dequant`));
    return graph.addNode({ op: 'DeQuantStub', name: 'dequant', inputs: [value], outputs: [name] }).output();
  });
  graph.setOutputs(outputs);
  graph.sortTopologically();
  return true;
}

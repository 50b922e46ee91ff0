import type { NodeLowering } from '../ExportContext.js';

/** A core op that is the ONNX op `op` (by default, of the same name), inputs and attributes unchanged. */
export function lowerAsOnnxOp(op?: string): NodeLowering {
  return (node, ctx) => {
    ctx.emit({
      op: op ?? node.op,
      name: node.name,
      inputs: node.inputs.map((v) => ctx.valueName(v)),
      outputs: node.outputs.map((v) => ctx.valueName(v)),
      attributes: ctx.attributesOf(node),
    });
  };
}

/** A core op that is the ONNX op of the same name, inputs and attributes unchanged. */
export const lowerAsIs: NodeLowering = lowerAsOnnxOp();

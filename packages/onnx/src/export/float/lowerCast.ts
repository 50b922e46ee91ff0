import type { DType } from '@qtk/ir';
import { onnxDataTypeOf } from '../../schema/onnxDataType.js';
import type { NodeLowering } from '../ExportContext.js';

/** Cast: qtk's dtype name becomes ONNX's element type code in `to`. */
export const lowerCast: NodeLowering = (node, ctx) => {
  ctx.emit({
    op: 'Cast',
    name: node.name,
    inputs: [ctx.valueName(node.input(0))],
    outputs: [ctx.valueName(node.output())],
    attributes: [{ name: 'to', type: 2, i: onnxDataTypeOf(node.attrs.to as DType) }],
  });
};

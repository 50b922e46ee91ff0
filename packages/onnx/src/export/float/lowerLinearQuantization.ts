import { QtkError } from '@qtk/ir';
import type { NodeLowering } from '../ExportContext.js';
import { lowerAsIs } from './lowerAsIs.js';

/** The first opset whose QuantizeLinear/DequantizeLinear take int16 (before: int8 and uint8). */
export const INT16_QDQ_OPSET = 21;

/** QuantizeLinear / DequantizeLinear as they are; int16 ones need opset 21. */
export const lowerLinearQuantization: NodeLowering = (node, ctx) => {
  const integer = node.op === 'QuantizeLinear' ? node.output() : node.input(0);
  if (integer.type.dtype === 'int16' && ctx.opset < INT16_QDQ_OPSET) {
    throw new QtkError(
      'onnx.export-opset',
      `node '${node.name}' (${node.op}) is int16, which ONNX allows from opset ${INT16_QDQ_OPSET}; this export writes opset ${ctx.opset}`,
    );
  }
  lowerAsIs(node, ctx);
};

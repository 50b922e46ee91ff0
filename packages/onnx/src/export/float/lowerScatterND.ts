import { QtkError } from '@qtk/ir';
import type { NodeLowering } from '../ExportContext.js';
import { lowerAsIs } from './lowerAsIs.js';

/** The first opset whose ScatterND reduces with `max` and `min`. */
const SCATTER_MIN_MAX_OPSET = 18;

/** ScatterND as it is; reductions `max` and `min` need opset 18. */
export const lowerScatterND: NodeLowering = (node, ctx) => {
  const reduction = node.attrs.reduction;
  if ((reduction === 'max' || reduction === 'min') && ctx.opset < SCATTER_MIN_MAX_OPSET) {
    throw new QtkError(
      'onnx.export-opset',
      `node '${node.name}' (ScatterND) reduces with '${reduction}', which ONNX allows from opset ${SCATTER_MIN_MAX_OPSET}; this export writes opset ${ctx.opset}`,
    );
  }
  lowerAsIs(node, ctx);
};

import { QtkError, resolvePads, Tensor } from '@qtk/ir';
import type { NodeLowering } from '../ExportContext.js';
import { lowerAsIs } from './lowerAsIs.js';

/** The first opset whose Pad takes `axes`. */
const PAD_AXES_OPSET = 18;

/**
 * Pad as it is, except that before opset 18 `axes` does not exist: constant axes and pads are then
 * written as pads over every dim.
 */
export const lowerPad: NodeLowering = (node, ctx) => {
  const axes = node.inputs[3];
  if (!axes || ctx.opset >= PAD_AXES_OPSET) {
    lowerAsIs(node, ctx);
    return;
  }
  const pads = node.input(1).constant;
  const rank = node.input(0).type.shape.length;
  const amounts = pads && axes.constant && resolvePads(rank, pads.toNumbers(), axes.constant.toNumbers());
  if (!amounts || typeof amounts === 'string') {
    throw new QtkError(
      'onnx.export-opset',
      `node '${node.name}' (Pad) has axes that are not constant, which ONNX allows from opset ${PAD_AXES_OPSET}; this export writes opset ${ctx.opset}`,
    );
  }
  const full = ctx.addInitializer(`/${node.name}/pads`, Tensor.int64([2 * rank], [...amounts.begin, ...amounts.end]));
  ctx.emit({
    op: 'Pad',
    name: node.name,
    inputs: [ctx.valueName(node.input(0)), full, ...(node.inputs[2] ? [ctx.valueName(node.inputs[2])] : [])],
    outputs: [ctx.valueName(node.output())],
    attributes: ctx.attributesOf(node),
  });
};

import { isConcreteShape, normalizeAxis, QtkError, Tensor } from '@qtk/ir';
import type { NodeLowering } from '../ExportContext.js';
import { lowerAsOnnxOp } from './lowerAsIs.js';

/** BatchNorm as BatchNormalization (inference mode). */
export const lowerBatchNorm: NodeLowering = lowerAsOnnxOp('BatchNormalization');

/** LayerNorm as LayerNormalization; ONNX requires Scale, so a LayerNorm without one gets ones. */
export const lowerLayerNorm: NodeLowering = (node, ctx) => {
  const x = node.input(0);
  let scale = ctx.valueName(node.inputs[1] ?? null);
  if (!scale) {
    const axis = normalizeAxis(ctx.graph.registry.attributesOf(node).int('axis'), x.type.shape.length) as number;
    const dims = x.type.shape.slice(axis);
    if (!isConcreteShape(dims)) {
      throw new QtkError(
        'onnx.export-unsupported',
        `node '${node.name}' (LayerNorm) has no scale and normalizes symbolic dims; ONNX needs a scale of static shape`,
      );
    }
    const ones = Tensor.zeros(x.type.dtype, dims);
    (ones.data as Float32Array | Float64Array).fill(1);
    scale = ctx.addInitializer(`${node.name}.weight`, ones);
  }
  ctx.emit({
    op: 'LayerNormalization',
    name: node.name,
    inputs: [ctx.valueName(x), scale, ctx.valueName(node.inputs[2] ?? null)],
    outputs: node.outputs.map((o) => ctx.valueName(o)),
    attributes: ctx.attributesOf(node),
  });
};

/** InstanceNorm as InstanceNormalization. */
export const lowerInstanceNorm: NodeLowering = lowerAsOnnxOp('InstanceNormalization');

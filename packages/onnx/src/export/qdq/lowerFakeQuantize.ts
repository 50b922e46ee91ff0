import {
  type AttributeReader,
  type Node,
  QtkError,
  type QuantParams,
  quantDTypeInfo,
  quantizeTensor,
  quantParamsOf,
  Tensor,
  type Value,
} from '@qtk/ir';
import { transposeMatrix } from '../../fuse/transposeMatrix.js';
import type { ExportContext, NodeLowering } from '../ExportContext.js';
import { INT16_QDQ_OPSET } from '../float/lowerLinearQuantization.js';
import type { QdqExportOptions } from './QdqExportOptions.js';

function refuse(node: Node, message: string): never {
  throw new QtkError('onnx.export-qdq', `node '${node.name}' (FakeQuantize) ${message}`);
}

/** The quantization a FakeQuantize applies, refused where QuantizeLinear/DequantizeLinear cannot say it. */
function expressibleParams(node: Node, ctx: ExportContext, options: QdqExportOptions): QuantParams {
  const attrs: AttributeReader = ctx.graph.registry.attributesOf(node);
  if (attrs.int('enabled') === 0) {
    refuse(node, 'is disabled (calibration): a QDQ export needs fixed scales; switch the model to VALIDATION first');
  }
  const params = quantParamsOf(node, attrs);
  if (params.dtype === 'qint32') {
    refuse(node, 'quantizes to qint32, which QuantizeLinear cannot (ONNX quantizes to 8 and 16 bits)');
  }
  // A constant's integers are written as computed, so only QuantizeLinear's own rounding matters.
  if (params.rounding === 'bpu' && !node.input(0).constant && options.bpuRounding !== 'half-to-even') {
    refuse(
      node,
      "rounds as the BPU does (floor(x / scale + 0.5)); QuantizeLinear rounds half to even. Pass bpuRounding: 'half-to-even' to export it anyway",
    );
  }
  if (params.dtype === 'qint16' && ctx.opset < INT16_QDQ_OPSET) {
    refuse(
      node,
      `is qint16, which QuantizeLinear takes from opset ${INT16_QDQ_OPSET}; this export writes opset ${ctx.opset}`,
    );
  }
  const x = node.input(0);
  if (x.type.dtype !== 'float32') refuse(node, `reads ${x.type.dtype}; QuantizeLinear quantizes float32`);
  const bad = params.scales.find((s) => !(s > 0 && Number.isFinite(s)));
  if (bad !== undefined) refuse(node, `has scale ${bad}, not a positive finite number`);
  return params;
}

/**
 * The Linear that reads a quantized constant as its weight on a non-2-D input, which the export
 * writes as MatMul of the transposed weight: the weight is then quantized transposed, so no
 * Transpose runs between DequantizeLinear and MatMul (as onnxruntime's quantization tool writes it).
 */
function transposingReader(node: Node, ctx: ExportContext): Node | undefined {
  const out = node.output();
  const [use] = out.uses;
  if (out.uses.length !== 1 || ctx.graph.outputs.includes(out) || !use) return undefined;
  const reader = use.node;
  const ok = reader.op === 'Linear' && reader.domain === '' && use.index === 1 && node.input(0).type.shape.length === 2;
  return ok && reader.input(0).type.shape.length !== 2 ? reader : undefined;
}

/**
 * FakeQuantize in a QDQ export: `QuantizeLinear -> DequantizeLinear` with the node's scales (float32,
 * scalar or per `axis`) and zero points 0 of int8 or int16; of a constant (weights, quantized
 * constants), the quantized integers as an initializer `<constant>_quantized` and a
 * DequantizeLinear. Nodes are named `/<fake quantize>/QuantizeLinear` and `.../DequantizeLinear`,
 * so importing the file gives the FakeQuantize its name back. `pretransposed` records weights
 * written transposed for a Linear's MatMul.
 */
export function fakeQuantizeLowering(pretransposed: Map<Value, string>, options: QdqExportOptions): NodeLowering {
  return (node, ctx) => {
    const params = expressibleParams(node, ctx, options);
    const x = node.input(0);
    const { storage } = quantDTypeInfo(params.dtype);
    const scales = Float32Array.from(params.scales);
    const shape = params.axis === undefined ? [] : [scales.length];
    const scale = ctx.addInitializer(`${node.name}.scale`, new Tensor('float32', shape, scales));
    const zeroPoint = ctx.addInitializer(`${node.name}.zero_point`, Tensor.zeros(storage, shape));
    const axisOf = (axis: number | undefined) => (axis === undefined ? [] : [{ name: 'axis', type: 2, i: axis }]);
    const dequantize = (input: string, output: string, axis: number | undefined) =>
      ctx.emit({
        op: 'DequantizeLinear',
        name: ctx.freshNodeName(`/${node.name}/DequantizeLinear`),
        inputs: [input, scale, zeroPoint],
        outputs: [output],
        attributes: axisOf(axis),
      });
    if (x.constant) {
      const what = `node '${node.name}'`;
      let integers = quantizeTensor(x.constant, params, what);
      let axis = params.axis;
      let output = ctx.valueName(node.output());
      if (transposingReader(node, ctx)) {
        integers = transposeMatrix(integers);
        axis = axis === undefined ? undefined : axis === 0 || axis === -2 ? 1 : 0;
        output = ctx.freshValueName(`${node.output().name}_transposed`);
        pretransposed.set(node.output(), output);
      }
      dequantize(ctx.addInitializer(`${x.name}_quantized`, integers), output, axis);
      return;
    }
    const quantized = ctx.freshValueName(`${node.output().name}_quantized`);
    ctx.emit({
      op: 'QuantizeLinear',
      name: ctx.freshNodeName(`/${node.name}/QuantizeLinear`),
      inputs: [ctx.valueName(x), scale, zeroPoint],
      outputs: [quantized],
      attributes: axisOf(params.axis),
    });
    dequantize(quantized, ctx.valueName(node.output()), params.axis);
  };
}

import { isConcreteShape, LINEAR_QUANT_DTYPES, linearQuantAxis, Tensor, type Value } from '@qtk/ir';
import { dtypeFromOnnx, onnxDataTypeName } from '../../schema/onnxDataType.js';
import type { NodeImportContext } from '../NodeImportContext.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** ONNX's element type of QuantizeLinear's output when it has no zero point: UINT8. */
const DEFAULT_OUTPUT_TYPE = 2;

/**
 * The `axis` attribute (from opset 13; before, the scale had to be a scalar), after refusing
 * blocked quantization (opset 21's `block_size`), which qtk does not implement.
 */
function quantAxis(ctx: NodeImportContext, x: Value, scale: Value): number {
  if ((ctx.attrs.int('block_size') ?? 0) !== 0) ctx.unsupported('blocked quantization (block_size) is not supported');
  const axis = ctx.opset >= 13 ? (ctx.attrs.int('axis') ?? 1) : 1;
  if (ctx.opset < 13 && linearQuantAxis(x.type.shape, scale.type.shape, axis) !== null) {
    ctx.fail(`opset ${ctx.opset} quantizes per tensor only, but the scale has shape [${scale.type.shape.join(',')}]`);
  }
  return axis;
}

/**
 * QuantizeLinear (from opset 10). Without a zero point ONNX quantizes to `output_dtype` (opset 21),
 * by default uint8: the core op always takes an explicit zero point, so import adds a zero one of
 * that type and the scale's shape.
 */
export const quantizeLinearImporter: OnnxOpImporter = {
  op: 'QuantizeLinear',
  since: 10,
  import(ctx) {
    const [x, scale, given] = nodeInputs(ctx, 2, 3) as [Value, Value, Value | null];
    const axis = quantAxis(ctx, x, scale);
    const code = ctx.attrs.int('output_dtype') ?? 0;
    let zeroPoint = given;
    if (zeroPoint && code !== 0 && dtypeFromOnnx(code) !== zeroPoint.type.dtype) {
      ctx.fail(`output_dtype ${onnxDataTypeName(code)} differs from the zero point's ${zeroPoint.type.dtype}`);
    }
    if (!zeroPoint) {
      const dtype = dtypeFromOnnx(code === 0 ? DEFAULT_OUTPUT_TYPE : code);
      if (!dtype || !LINEAR_QUANT_DTYPES.includes(dtype)) {
        return ctx.unsupported(
          `output_dtype ${onnxDataTypeName(code)} is not supported; qtk quantizes to ${LINEAR_QUANT_DTYPES.join(', ')}`,
        );
      }
      const shape = scale.type.shape;
      if (!isConcreteShape(shape)) return ctx.fail('the scale needs a static shape');
      zeroPoint = ctx.constantInput('zero_point', Tensor.zeros(dtype, shape));
    }
    ctx.emit('QuantizeLinear', [x, scale, zeroPoint], { axis });
  },
};

/** DequantizeLinear (from opset 10): the core op of the same name. */
export const dequantizeLinearImporter: OnnxOpImporter = {
  op: 'DequantizeLinear',
  since: 10,
  import(ctx) {
    const [x, scale, zeroPoint] = nodeInputs(ctx, 2, 3) as [Value, Value, Value | null];
    ctx.emit('DequantizeLinear', [x, scale, zeroPoint], { axis: quantAxis(ctx, x, scale) });
  },
};

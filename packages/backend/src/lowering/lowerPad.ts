import { dequantizeTensor, type Node, quantizeTensor } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';
import { lowerPassthrough } from './lowerPassthrough.js';
import type { LoweringOutcome } from './OpLowering.js';
import { isPerTensorActivation } from './perTensorActivation.js';

/**
 * Pad on the integers, keeping the data's scale. Its constant value is a parameter in the data's
 * units: quantized at the data's scale and dtype as a FakeQuantize would (float32 division, round
 * half to even, saturation). When the value is not a code times the scale, the padding is the
 * nearest code, which a warning says (a point after the Pad at the same scale rounds the float
 * model's value to the same code).
 */
export function lowerPad(ctx: LoweringContext, node: Node): LoweringOutcome {
  const value = node.inputs[2];
  if (!value) return lowerPassthrough(ctx, node);
  if (!value.constant) return 'its constant_value is computed, not a constant';
  const data = ctx.get(node.input(0));
  if (!isPerTensorActivation(data)) return false;
  const v = value.constant.reshape([]);
  if (v.dtype !== 'float32') return false;
  const params = { dtype: data.dtype === 'int8' ? 'qint8' : 'qint16', scales: data.scales } as const;
  const q = quantizeTensor(v, params, `${node.name} constant_value`);
  const padded = dequantizeTensor(q, params).data[0] as number;
  const given = v.data[0] as number;
  if (padded !== given) {
    ctx.warnings.push(
      `${node.name} (Pad): constant_value ${given} is not representable at the data's scale ${data.scales[0]} (${data.dtype}); pads with ${padded} (code ${q.data[0]})`,
    );
  }
  const code = ctx.graph.addConstant(`${node.name}.constant_value_int`, q);
  return lowerPassthrough(ctx, node, new Map([[2, code]]));
}

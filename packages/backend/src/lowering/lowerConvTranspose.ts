import type { AttributeValue, Node } from '@qtk/ir';
import { emitIntegerGemm } from './emitIntegerGemm.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { isPerTensorActivation } from './perTensorActivation.js';

/**
 * A ConvTranspose of the QAT graph as one `qtk::ConvTranspose` on the GEMM unit: int8/int16 input
 * and weight `W [C_in, C_out/group, k...]` quantized per tensor or per index of axis 1, the GEMMs'
 * int32 bias and output stage ({@link emitIntegerGemm}). Axis 1 has C_out/group entries, so output
 * channel `o` has the scale `s_w[o mod (C_out/group)]`: with groups, channel j of every group
 * shares one weight scale (the one fake-quant axis W has), and each output channel still gets its
 * own accumulator scale s_x s_w and requantization multiplier.
 */
export function lowerConvTranspose(ctx: LoweringContext, node: Node): LoweringOutcome {
  const x = ctx.get(node.input(0));
  if (!isPerTensorActivation(x)) return false;
  const w = node.inputs[1];
  const weight = w ? ctx.get(w) : undefined;
  if (weight?.kind !== 'int' || !weight.value.constant || weight.dtype === 'int32')
    return 'its weight is not a constant quantized to int8 or int16';
  const shape = weight.value.type.shape;
  const perGroup = shape[1] as number;
  const group = ctx.source.registry.attributesOf(node).int('group');
  if (weight.scales.length !== 1 && (weight.axis !== 1 || weight.scales.length !== perGroup))
    return `its weight is quantized along axis ${weight.axis}; the TAE needs one scale per output channel (axis 1)`;
  const channels = perGroup * group;
  const sw = Array.from(
    { length: channels },
    (_, o) => weight.scales[weight.scales.length === 1 ? 0 : o % perGroup] as number,
  );
  const geometry: Record<string, AttributeValue> = { ...node.attrs };
  delete geometry.kernel_shape;
  return emitIntegerGemm(ctx, node, {
    op: 'ConvTranspose',
    x,
    weight,
    weightScales: sw,
    channelAxis: 1,
    bias: node.inputs[2],
    geometry,
  });
}

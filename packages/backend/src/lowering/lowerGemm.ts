import { type AttributeValue, type Node, Tensor } from '@qtk/ir';
import { emitIntegerGemm } from './emitIntegerGemm.js';
import type { LoweredInt } from './Lowered.js';
import type { LoweringContext } from './LoweringContext.js';
import { isPerTensorActivation } from './perTensorActivation.js';

/** A 2-D int tensor [rows, cols] transposed. */
function transpose2d(t: Tensor): Tensor {
  const [rows, cols] = t.shape as [number, number];
  const out = Tensor.zeros(t.dtype, [cols, rows]);
  const src = t.data as Int8Array;
  const dst = out.data as Int8Array;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c] as number;
  return out;
}

/** The weight as `[out, ...]` integers with one scale per output channel, or undefined. */
function weightOutFirst(ctx: LoweringContext, node: Node): LoweredInt | undefined {
  const w = node.inputs[1];
  if (!w) return undefined;
  const l = ctx.get(w);
  if (l.kind !== 'int' || !l.value.constant || l.dtype === 'int32') return undefined;
  const transB = node.op === 'Gemm' ? ctx.source.registry.attributesOf(node).int('transB') : 1;
  const rank = l.value.type.shape.length;
  const outAxis = node.op === 'MatMul' || (node.op === 'Gemm' && transB === 0) ? rank - 1 : 0;
  if (outAxis === 0) return l.axis === 0 || l.scales.length === 1 ? l : undefined;
  if (rank !== 2 || (l.axis !== 1 && l.scales.length !== 1)) return undefined;
  const t = transpose2d(l.value.constant);
  const value = ctx.graph.addConstant(`${l.value.name}_transposed`, t);
  return { kind: 'int', value, dtype: l.dtype, scales: l.scales, ...(l.scales.length > 1 ? { axis: 0 } : {}) };
}

/**
 * A GEMM of the QAT graph as one integer GEMM: int8/int16 input and per-channel weights, int32
 * bias at scale s_x s_w[c], and an output stage that requantizes into the point after it (with its
 * fused ReLU/ReLU6 as the clamp), or keeps the result high-precision (int32 or float32, as the
 * policy says). Returns false when the node is not a GEMM this lowering takes (it then falls back).
 */
export function lowerGemm(ctx: LoweringContext, node: Node): boolean {
  const attrs = ctx.source.registry.attributesOf(node);
  if (node.op === 'Gemm' && (attrs.float('alpha') !== 1 || attrs.float('beta') !== 1 || attrs.int('transA') !== 0))
    return false;
  const x = ctx.get(node.input(0));
  if (!isPerTensorActivation(x)) return false;
  const activation2 = node.op === 'MatMul' && !node.inputs[1]?.constant && ctx.get(node.input(1));
  let weight: LoweredInt | undefined;
  let op: 'Linear' | 'Conv' | 'MatMul';
  if (activation2) {
    if (!isPerTensorActivation(activation2)) return false;
    weight = activation2;
    op = 'MatMul';
  } else {
    weight = weightOutFirst(ctx, node);
    if (!weight) return false;
    op = node.op === 'Conv' ? 'Conv' : 'Linear';
  }
  const channels = op === 'MatMul' ? 1 : (weight.value.type.shape[0] as number);
  const sw =
    weight.scales.length === 1 ? new Array<number>(channels).fill(weight.scales[0] as number) : [...weight.scales];
  const geometry: Record<string, AttributeValue> = op === 'Conv' ? { ...node.attrs } : {};
  delete geometry.kernel_shape;
  return emitIntegerGemm(ctx, node, {
    op,
    x,
    weight,
    weightScales: sw,
    channelAxis: op === 'Conv' ? 1 : node.output().type.shape.length - 1,
    bias: op === 'MatMul' ? undefined : node.inputs[2],
    geometry,
  });
}

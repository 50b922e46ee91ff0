import type { Node } from '@qtk/ir';

/**
 * What quantization does with an op:
 * - `gemm`: integer products on the TAE (Linear, Conv, MatMul, Gemm): quantized inputs, per-channel
 *   weights, an output that may stay high-precision;
 * - `compute`: any other op that computes new values (Add, LayerNorm, Softmax, Sigmoid, ...):
 *   quantized inputs and its own output scale;
 * - `passthrough`: keeps its input's quantization (ReLU, Clip, pooling by max, reshapes, slicing,
 *   Concat): no new scale;
 * - `quant-stub` / `dequant-stub`: where quantization starts and ends;
 * - `float`: not quantized (integer and shape computations).
 */
export type QuantRole = 'gemm' | 'compute' | 'passthrough' | 'quant-stub' | 'dequant-stub' | 'float';

const GEMM = new Set(['Linear', 'Conv', 'MatMul', 'Gemm']);
/**
 * Ops that only move or select values: they keep their input's quantization (and a backend runs
 * them on integers as they are).
 */
export const PASSTHROUGH_OPS: ReadonlySet<string> = new Set([
  'Relu',
  'Clip',
  'MaxPool',
  'Reshape',
  'Flatten',
  'Transpose',
  'Squeeze',
  'Unsqueeze',
  'Slice',
  'Gather',
  'Split',
  'Concat',
  'Identity',
]);
const FLOAT_ONLY = new Set(['Shape', 'FakeQuantize']);

/** The role of a node (ops qtk does not know are `compute`: they get their own output scale). */
export function quantRoleOf(node: Node): QuantRole {
  if (node.op === 'QuantStub') return 'quant-stub';
  if (node.op === 'DeQuantStub') return 'dequant-stub';
  if (FLOAT_ONLY.has(node.op)) return 'float';
  if (!node.outputs.some((o) => o.type.dtype === 'float32' || o.type.dtype === 'float64')) return 'float';
  if (GEMM.has(node.op)) return 'gemm';
  if (PASSTHROUGH_OPS.has(node.op)) return 'passthrough';
  return 'compute';
}

/** Ops whose internals the BPU computes in int16 whatever the qconfig (SPEC section 2). */
export const INT16_INTERNAL_OPS: ReadonlySet<string> = new Set(['LayerNorm', 'Softmax']);

/**
 * The input index of a GEMM's weight and its per-output-channel axis, when the weight is a
 * constant: Linear and Conv `W[out, ...]` axis 0; Gemm B axis 0 with transB, else 1; MatMul with a
 * constant right operand `[..., K, N]`: the last axis.
 */
export function weightOf(node: Node, transB: number): { index: number; axis: number } | undefined {
  const w = node.inputs[1];
  if (!w?.constant || (w.type.dtype !== 'float32' && w.type.dtype !== 'float64')) return undefined;
  switch (node.op) {
    case 'Linear':
    case 'Conv':
      return { index: 1, axis: 0 };
    case 'Gemm':
      return { index: 1, axis: transB ? 0 : 1 };
    case 'MatMul':
      return { index: 1, axis: w.type.shape.length - 1 };
    default:
      return undefined;
  }
}

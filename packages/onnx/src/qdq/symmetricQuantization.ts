import { linearQuantAxis, type Node, QtkError, type QuantDType, type Shape, type Tensor } from '@qtk/ir';

/** The quantization one Q/DQ node describes, as a FakeQuantize states it. */
export interface SymmetricQuantization {
  readonly dtype: Extract<QuantDType, 'qint8' | 'qint16'>;
  /** float32 values, one or one per channel. */
  readonly scales: readonly number[];
  /** The normalized per-channel axis; absent per tensor. */
  readonly axis?: number;
}

const QUANT_DTYPE_OF: Readonly<Record<string, SymmetricQuantization['dtype']>> = { int8: 'qint8', int16: 'qint16' };

function qdqError(node: Node, message: string): QtkError {
  return new QtkError('onnx.qdq', `node '${node.name}' (${node.op}): ${message}`);
}

/**
 * Reads the scale and zero point of a QuantizeLinear or DequantizeLinear `node` as Nash
 * quantization: int8 or int16, zero point 0, positive finite scales, per tensor or along an axis of
 * the (quantized or float) tensor of shape `shape`. Anything else is an error naming the node:
 * asymmetric quantization (uint8, a non-zero zero point) has no Nash form.
 */
export function readSymmetricQuantization(
  node: Node,
  shape: Shape,
  integerDType: string,
  scale: Tensor,
  zeroPoint: Tensor | undefined,
): SymmetricQuantization {
  const dtype = QUANT_DTYPE_OF[integerDType];
  if (!dtype) {
    throw qdqError(
      node,
      `quantizes to ${integerDType}; qtk reads quantization as Nash's symmetric int8 or int16 (zero point 0)`,
    );
  }
  const zeros = zeroPoint?.toNumbers() ?? [];
  const at = zeros.findIndex((z) => z !== 0);
  if (at >= 0) {
    throw qdqError(
      node,
      `zero point ${zeros[at]}${zeros.length > 1 ? ` (channel ${at})` : ''} is not 0; Nash quantization is symmetric`,
    );
  }
  const scales = scale.toNumbers();
  const bad = scales.findIndex((s) => !(s > 0 && Number.isFinite(s)));
  if (bad >= 0) throw qdqError(node, `scale ${scales[bad]} is not a positive finite number`);
  const axis = linearQuantAxis(shape, scale.shape, node.attrs.axis === undefined ? 1 : (node.attrs.axis as number));
  if (typeof axis === 'string') throw qdqError(node, axis);
  return axis === null ? { dtype, scales: [scales[0] as number] } : { dtype, scales, axis };
}

/** True when two readings describe the same fake quantization. */
export function sameQuantization(a: SymmetricQuantization, b: SymmetricQuantization): boolean {
  return (
    a.dtype === b.dtype &&
    a.axis === b.axis &&
    a.scales.length === b.scales.length &&
    a.scales.every((s, i) => s === b.scales[i])
  );
}

import { allocateStorage, type DType, dtypeInfo } from '../dtype/DType.js';
import { QtkError } from '../errors/QtkError.js';
import { type ConcreteShape, formatShape, numel } from '../shape/Shape.js';
import { Tensor } from './Tensor.js';

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function requireLittleEndian(): void {
  if (!littleEndian) throw new Error('qtk stores tensors little-endian and runs on little-endian hosts only');
}

/** A tensor's elements as little-endian bytes (a view, not a copy). */
export function tensorToBytes(t: Tensor): Uint8Array {
  requireLittleEndian();
  return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}

/**
 * A tensor from little-endian bytes (copied, so the result is aligned and owns its data).
 * `what` names the tensor in the error when the byte count does not fit.
 */
export function tensorFromBytes(dtype: DType, shape: ConcreteShape, bytes: Uint8Array, what: string): Tensor {
  requireLittleEndian();
  const n = numel(shape);
  const expected = n * dtypeInfo(dtype).bytes;
  if (bytes.byteLength !== expected) {
    throw new QtkError(
      'tensor.bytes',
      `${what}: ${dtype}${formatShape(shape)} needs ${expected} bytes of data, found ${bytes.byteLength}`,
    );
  }
  const data = allocateStorage(dtype, n);
  new Uint8Array(data.buffer).set(bytes);
  return new Tensor(dtype, shape, data);
}

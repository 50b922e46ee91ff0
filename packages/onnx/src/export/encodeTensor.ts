import { type Tensor, tensorToBytes } from '@qtk/ir';
import type { onnx } from '../schema/generated/onnx.js';
import { onnxDataTypeOf } from '../schema/onnxDataType.js';

/** A tensor as a `TensorProto` with its data as raw little-endian bytes. */
export function encodeTensor(name: string, t: Tensor): onnx.TensorProto.$Properties {
  return { name, dims: [...t.shape], data_type: onnxDataTypeOf(t.dtype), raw_data: tensorToBytes(t) };
}

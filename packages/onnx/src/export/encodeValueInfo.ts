import type { TensorType } from '@qtk/ir';
import type { onnx } from '../schema/generated/onnx.js';
import { onnxDataTypeOf } from '../schema/onnxDataType.js';

/** A value's type as a `ValueInfoProto`: symbolic dims become `dim_param`, `'?'` an unknown dim. */
export function encodeValueInfo(name: string, type: TensorType): onnx.ValueInfoProto.$Properties {
  const dim = type.shape.map((d) => (typeof d === 'number' ? { dim_value: d } : d === '?' ? {} : { dim_param: d }));
  return { name, type: { tensor_type: { elem_type: onnxDataTypeOf(type.dtype), shape: { dim } } } };
}

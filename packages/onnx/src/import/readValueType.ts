import { type Dim, QtkError, type TensorType } from '@qtk/ir';
import type { DecodedValueInfo } from '../schema/DecodedModel.js';
import { dtypeFromOnnx, onnxDataTypeName } from '../schema/onnxDataType.js';

/**
 * The tensor type a `ValueInfoProto` declares. `dim_param` becomes a symbolic dim, a dim with
 * neither value nor param the unknown dim `'?'`. Non-tensor types, element types qtk lacks and a
 * missing shape (qtk needs every value's rank) are errors naming `what`.
 */
export function readValueType(info: DecodedValueInfo, what: string): TensorType {
  const tensorType = info.type?.tensor_type;
  if (!tensorType) {
    throw new QtkError('onnx.unsupported', `${what} is not a tensor; qtk reads tensor values only`);
  }
  const dtype = dtypeFromOnnx(tensorType.elem_type);
  if (!dtype) {
    throw new QtkError(
      'onnx.unsupported',
      `${what} has element type ${onnxDataTypeName(tensorType.elem_type)}; qtk reads FLOAT, DOUBLE, INT8, UINT8, INT16, INT32, INT64 and BOOL`,
    );
  }
  if (!tensorType.shape) {
    throw new QtkError('onnx.unsupported', `${what} has no shape; qtk needs at least its rank`);
  }
  const shape = tensorType.shape.dim.map((d): Dim => {
    if (d.dim_value !== undefined) {
      const n = Number(d.dim_value);
      if (!Number.isSafeInteger(n) || n < 0) throw new QtkError('onnx.invalid', `${what} has dim ${d.dim_value}`);
      return n;
    }
    return d.dim_param ? d.dim_param : '?';
  });
  return { dtype, shape };
}

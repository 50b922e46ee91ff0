import { allocateStorage, type DType, dtypeInfo, numel, QtkError, Tensor, tensorFromBytes } from '@qtk/ir';
import type { DecodedTensor } from '../schema/DecodedModel.js';
import { dtypeFromOnnx, onnxDataTypeName } from '../schema/onnxDataType.js';
import type { ExternalDataReader } from './ExternalDataReader.js';
import { readExternalBytes } from './readExternalBytes.js';

const EXTERNAL = 1;

function unsupported(message: string): QtkError {
  return new QtkError('onnx.unsupported', message);
}

function invalid(message: string): QtkError {
  return new QtkError('onnx.invalid-tensor', message);
}

/** Typed-field values (`float_data`, `int64_data`...) into storage for `dtype`, checked against `n`. */
function fromTypedField(t: DecodedTensor, dtype: DType, n: number, what: string): Tensor['data'] | undefined {
  const field: readonly (number | string)[] =
    dtype === 'float32'
      ? t.float_data
      : dtype === 'float64'
        ? t.double_data
        : dtype === 'int64'
          ? t.int64_data
          : t.int32_data;
  if (field.length === 0 && n > 0) return undefined;
  if (field.length !== n) throw invalid(`${what}: ${n} elements expected, the file has ${field.length}`);
  const data = allocateStorage(dtype, n);
  if (data instanceof BigInt64Array) {
    for (let i = 0; i < n; i++) data[i] = BigInt(field[i] as string);
  } else {
    for (let i = 0; i < n; i++) data[i] = Number(field[i]);
  }
  return data;
}

/**
 * A tensor from a `TensorProto`: raw little-endian bytes, a typed field, or bytes in a side file.
 * Element types qtk lacks (float16, string...), segments, sizes that do not match the dims and NaN
 * in float data are errors naming `what` (`initializer 'fc.weight'`).
 */
export function readTensor(t: DecodedTensor, what: string, readExternal: ExternalDataReader | undefined): Tensor {
  const dtype = dtypeFromOnnx(t.data_type);
  if (!dtype) {
    throw unsupported(
      `${what} has element type ${onnxDataTypeName(t.data_type)}; qtk reads FLOAT, DOUBLE, INT8, UINT8, INT16, INT32, INT64 and BOOL`,
    );
  }
  if (t.segment !== undefined) throw unsupported(`${what} is stored in segments, which qtk does not read`);
  const shape = t.dims.map(Number);
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw invalid(`${what} has invalid dims [${t.dims.join(',')}]`);
  }
  const n = numel(shape);
  let tensor: Tensor;
  if (t.data_location === EXTERNAL) {
    const expected = n * dtypeInfo(dtype).bytes;
    tensor = tensorFromBytes(dtype, shape, readExternalBytes(t, expected, what, readExternal), what);
  } else if (t.raw_data !== undefined) {
    tensor = tensorFromBytes(dtype, shape, t.raw_data, what);
  } else {
    const data = fromTypedField(t, dtype, n, what);
    if (!data) throw invalid(`${what}: ${n} elements expected, the file has no data`);
    tensor = new Tensor(dtype, shape, data);
  }
  if (tensor.data instanceof Float32Array || tensor.data instanceof Float64Array) {
    const at = tensor.data.findIndex((v) => Number.isNaN(v));
    if (at >= 0) throw invalid(`${what} contains NaN (element ${at})`);
  }
  return tensor;
}

import type { DType } from '@qtk/ir';

/** ONNX `TensorProto.DataType` codes of the dtypes qtk has. */
const CODE_OF: Readonly<Record<DType, number>> = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int16: 5,
  int32: 6,
  int64: 7,
  bool: 9,
  float64: 11,
};

const DTYPE_OF: ReadonlyMap<number, DType> = new Map(Object.entries(CODE_OF).map(([d, c]) => [c, d as DType]));

const ONNX_NAMES = [
  'UNDEFINED',
  'FLOAT',
  'UINT8',
  'INT8',
  'UINT16',
  'INT16',
  'INT32',
  'INT64',
  'STRING',
  'BOOL',
  'FLOAT16',
  'DOUBLE',
  'UINT32',
  'UINT64',
  'COMPLEX64',
  'COMPLEX128',
  'BFLOAT16',
  'FLOAT8E4M3FN',
  'FLOAT8E4M3FNUZ',
  'FLOAT8E5M2',
  'FLOAT8E5M2FNUZ',
  'UINT4',
  'INT4',
];

/** The qtk dtype of an ONNX element type, or `undefined` when qtk has none (float16, string...). */
export function dtypeFromOnnx(code: number | undefined): DType | undefined {
  return code === undefined ? undefined : DTYPE_OF.get(code);
}

/** The ONNX element type code of a qtk dtype. */
export function onnxDataTypeOf(dtype: DType): number {
  return CODE_OF[dtype];
}

/** ONNX's name of an element type code, for messages (`FLOAT16`, or the number when unknown). */
export function onnxDataTypeName(code: number | undefined): string {
  return code === undefined ? 'UNDEFINED' : (ONNX_NAMES[code] ?? `type ${code}`);
}

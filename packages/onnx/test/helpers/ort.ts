import { type DType, Tensor } from '@qtk/ir';
import * as ort from 'onnxruntime-node';

const ORT_TYPE: Record<DType, ort.Tensor.Type> = {
  float32: 'float32',
  float64: 'float64',
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  int64: 'int64',
  uint8: 'uint8',
  bool: 'bool',
};

function fromOrt(t: ort.Tensor): Tensor {
  const dtype = (Object.keys(ORT_TYPE) as DType[]).find((d) => ORT_TYPE[d] === t.type);
  if (!dtype) throw new Error(`onnxruntime returned a ${t.type} tensor`);
  const data = t.data as Tensor['data'];
  return new Tensor(dtype, [...t.dims], dtype === 'bool' ? Uint8Array.from(data as Uint8Array) : data.slice());
}

/**
 * Runs an ONNX model (bytes, or a path when it has side files) in onnxruntime-node, the
 * independent reference, and returns every output.
 */
export async function runOrt(
  model: Uint8Array | string,
  feeds: Record<string, Tensor>,
): Promise<Record<string, Tensor>> {
  // Two calls: the overloads take a path or bytes, not their union.
  // Errors only: some reference models are old-style on purpose (weights among the inputs).
  const options: ort.InferenceSession.SessionOptions = { logSeverityLevel: 3 };
  const session =
    typeof model === 'string'
      ? await ort.InferenceSession.create(model, options)
      : await ort.InferenceSession.create(model, options);
  try {
    const inputs = Object.fromEntries(
      Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(ORT_TYPE[t.dtype], t.data, [...t.shape])]),
    );
    const results = await session.run(inputs);
    return Object.fromEntries(Object.entries(results).map(([name, t]) => [name, fromOrt(t)]));
  } finally {
    await session.release();
  }
}

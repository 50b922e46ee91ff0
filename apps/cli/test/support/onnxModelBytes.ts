/**
 * Hand-encodes small ONNX models (protobuf wire format, field numbers from onnx.proto) for error
 * cases and shapes the PyTorch fixtures do not have: an unsupported op, symbolic dims, odd names.
 */

type Dim = number | string;

export interface OnnxValueSpec {
  name: string;
  shape: Dim[];
}

export interface OnnxModelSpec {
  nodes: { op: string; name: string; inputs: string[]; outputs: string[] }[];
  inputs: OnnxValueSpec[];
  outputs: OnnxValueSpec[];
  /** float32 initializers. */
  initializers?: { name: string; shape: number[]; values: number[] }[];
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(n);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

function intField(no: number, value: number): number[] {
  return [...varint(no << 3), ...varint(value)];
}

function bytesField(no: number, payload: number[] | string): number[] {
  const bytes = typeof payload === 'string' ? [...new TextEncoder().encode(payload)] : payload;
  return [...varint((no << 3) | 2), ...varint(bytes.length), ...bytes];
}

function valueInfo(v: OnnxValueSpec): number[] {
  const dims = v.shape.flatMap((d) => bytesField(1, typeof d === 'number' ? intField(1, d) : bytesField(2, d)));
  const tensorType = [...intField(1, 1), ...bytesField(2, dims)];
  return [...bytesField(1, v.name), ...bytesField(2, bytesField(1, tensorType))];
}

/** The bytes of an opset-17 ONNX model of float32 values. */
export function onnxModelBytes(spec: OnnxModelSpec): Uint8Array {
  const graph: number[] = [];
  for (const n of spec.nodes) {
    const node = [
      ...n.inputs.flatMap((i) => bytesField(1, i)),
      ...n.outputs.flatMap((o) => bytesField(2, o)),
      ...bytesField(3, n.name),
      ...bytesField(4, n.op),
    ];
    graph.push(...bytesField(1, node));
  }
  graph.push(...bytesField(2, 'handmade'));
  for (const init of spec.initializers ?? []) {
    const raw = [...new Uint8Array(Float32Array.from(init.values).buffer)];
    const tensor = [
      ...init.shape.flatMap((d) => intField(1, d)),
      ...intField(2, 1),
      ...bytesField(8, init.name),
      ...bytesField(9, raw),
    ];
    graph.push(...bytesField(5, tensor));
  }
  for (const v of spec.inputs) graph.push(...bytesField(11, valueInfo(v)));
  for (const v of spec.outputs) graph.push(...bytesField(12, valueInfo(v)));
  const model = [
    ...intField(1, 8),
    ...bytesField(2, 'qtk-test'),
    ...bytesField(7, graph),
    ...bytesField(8, [...bytesField(1, ''), ...intField(2, 17)]),
  ];
  return Uint8Array.from(model);
}

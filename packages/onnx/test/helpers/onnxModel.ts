/**
 * A small hand-written ONNX model writer for tests: it sets every field itself (type codes,
 * attribute types, raw data) instead of reusing the exporter under test, so synthetic models are
 * independent input. It only shares the schema, which the fixtures and onnxruntime validate.
 */
import type { Dim, DType, Tensor } from '@qtk/ir';
import protobuf from 'protobufjs/light.js';
import type { onnx } from '../../src/schema/generated/onnx.js';
import { ModelProtoMessage } from '../../src/schema/onnxSchema.js';

const CODE: Record<DType, number> = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int16: 5,
  int32: 6,
  int64: 7,
  bool: 9,
  float64: 11,
};

type Attribute = onnx.AttributeProto.$Properties;

export const attr = {
  int: (name: string, i: number): Attribute => ({ name, type: 2, i }),
  ints: (name: string, ints: number[]): Attribute => ({ name, type: 7, ints }),
  /** Exact int64 values (a double cannot hold INT64_MAX). */
  int64s: (name: string, ints: bigint[]): Attribute => ({
    name,
    type: 7,
    ints: ints.map((v) => protobuf.util.LongBits.from(v.toString()).toLong()),
  }),
  float: (name: string, f: number): Attribute => ({ name, type: 1, f }),
  floats: (name: string, floats: number[]): Attribute => ({ name, type: 6, floats }),
  string: (name: string, s: string): Attribute => ({ name, type: 3, s: new TextEncoder().encode(s) }),
  tensor: (name: string, t: Tensor): Attribute => ({ name, type: 4, t: tensorProto('', t) }),
};

/** A TensorProto with raw little-endian data. */
export function tensorProto(name: string, t: Tensor): onnx.TensorProto.$Properties {
  return {
    name,
    dims: [...t.shape],
    data_type: CODE[t.dtype],
    raw_data: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength),
  };
}

export interface TestNode {
  op: string;
  name?: string;
  domain?: string;
  inputs: string[];
  outputs: string[];
  attrs?: Attribute[];
}

export interface TestValue {
  name: string;
  dtype?: DType;
  /** Omitted: no shape at all. */
  shape?: Dim[];
}

export interface TestModel {
  opset?: number;
  /** Replaces the default `[{ domain: '', version: opset }]`. */
  opsetImports?: { domain: string; version: number }[];
  irVersion?: number;
  inputs: TestValue[];
  outputs: TestValue[];
  initializers?: Record<string, Tensor>;
  /** Initializers already encoded (external data...). */
  rawInitializers?: onnx.TensorProto.$Properties[];
  nodes: TestNode[];
}

function valueInfo(v: TestValue): onnx.ValueInfoProto.$Properties {
  const tensorType: onnx.TypeProto.Tensor.$Properties = { elem_type: CODE[v.dtype ?? 'float32'] };
  if (v.shape) {
    tensorType.shape = {
      dim: v.shape.map((d) => (typeof d === 'number' ? { dim_value: d } : d === '?' ? {} : { dim_param: d })),
    };
  }
  return { name: v.name, type: { tensor_type: tensorType } };
}

/** Encodes a model (opset 17 by default). */
export function onnxModel(m: TestModel): Uint8Array {
  const opset = m.opset ?? 17;
  const message = ModelProtoMessage.create({
    ir_version: m.irVersion ?? (opset <= 18 ? 8 : 9),
    opset_import: m.opsetImports ?? [{ domain: '', version: opset }],
    producer_name: 'qtk-test',
    graph: {
      name: 'test',
      node: m.nodes.map((n, i) => ({
        name: n.name ?? `node${i}`,
        op_type: n.op,
        ...(n.domain ? { domain: n.domain } : {}),
        input: n.inputs,
        output: n.outputs,
        attribute: n.attrs ?? [],
      })),
      initializer: [
        ...Object.entries(m.initializers ?? {}).map(([name, t]) => tensorProto(name, t)),
        ...(m.rawInitializers ?? []),
      ],
      input: m.inputs.map(valueInfo),
      output: m.outputs.map(valueInfo),
    },
  });
  return ModelProtoMessage.encode(message).finish();
}

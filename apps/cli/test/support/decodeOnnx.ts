import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import protobuf from 'protobufjs';

// The project's ONNX schema, as @qtk/onnx ships it (proto/onnx.proto), parsed here independently of
// the package's generated code.
const onnxPackage = dirname(createRequire(import.meta.url).resolve('@qtk/onnx/package.json'));
const ModelProto = new protobuf.Root()
  .loadSync(join(onnxPackage, 'proto', 'onnx.proto'), { keepCase: true })
  .lookupType('onnx.ModelProto');

/** An attribute as decoded (64-bit integers as decimal strings). */
export interface OnnxAttribute {
  name: string;
  type: number;
  i?: string;
  s?: Uint8Array;
  floats: number[];
  ints: string[];
}

export interface OnnxValueInfo {
  name: string;
  type: { tensor_type: { elem_type: number; shape: { dim: { dim_value?: string }[] } } };
}

/** What the CLI tests read of a decoded ONNX file. */
export interface OnnxModel {
  producer_name: string;
  opset_import: { domain?: string; version: string }[];
  metadata_props: { key: string; value: string }[];
  graph: {
    node: {
      name: string;
      op_type: string;
      domain?: string;
      input: string[];
      output: string[];
      attribute: OnnxAttribute[];
    }[];
    initializer: { name: string; data_type: number; dims: string[] }[];
    input: OnnxValueInfo[];
    output: OnnxValueInfo[];
    value_info: OnnxValueInfo[];
  };
}

/** Decodes an ONNX file with the project's schema. */
export function decodeOnnx(bytes: Uint8Array): OnnxModel {
  return ModelProto.toObject(ModelProto.decode(bytes), { longs: String, arrays: true, defaults: false }) as OnnxModel;
}

/** A string attribute's text. */
export function attributeText(a: OnnxAttribute | undefined): string | undefined {
  return a?.s === undefined ? undefined : new TextDecoder().decode(a.s);
}

import { type Graph, QtkError, verifyGraph } from '@qtk/ir';
import { ModelProtoMessage } from '../schema/onnxSchema.js';
import type { ExportOptions } from './ExportOptions.js';
import type { ExportProfile } from './ExportProfile.js';
import { encodeValueInfo } from './encodeValueInfo.js';
import { OnnxGraphWriter } from './OnnxGraphWriter.js';
import { producerVersion } from './producerVersion.js';

/** The default opset of exports: what PyTorch 1.13+ writes and every current runtime reads. */
export const DEFAULT_EXPORT_OPSET = 17;

/** The IR version that goes with an opset (onnx/onnx docs/Versioning.md). */
function irVersionFor(opset: number): number {
  return opset <= 18 ? 8 : opset <= 20 ? 9 : 10;
}

/**
 * Writes `graph` as ONNX model bytes, each node lowered by `profile`. The bytes depend only on the
 * graph and the options (nodes in graph order, attributes sorted, initializers in a fixed order),
 * so the same graph always gives the same file.
 */
export function exportGraph(graph: Graph, profile: ExportProfile, options: ExportOptions = {}): Uint8Array {
  const opset = options.opset ?? DEFAULT_EXPORT_OPSET;
  const { min, max } = profile.opsets;
  if (!Number.isInteger(opset) || opset < min || opset > max) {
    throw new QtkError(
      'onnx.export-opset',
      `cannot write a ${profile.name} ONNX model with opset ${opset}; qtk writes opsets ${min} to ${max}`,
    );
  }
  verifyGraph(graph);
  const writer = new OnnxGraphWriter(graph, opset);
  for (const node of graph.nodes) {
    const lower = profile.lowering(node);
    if (!lower) {
      throw new QtkError(
        'onnx.export-unsupported',
        `graph '${graph.name}': node '${node.name}' (${node.qualifiedOp}) has no form in a ${profile.name} ONNX export`,
      );
    }
    lower(node, writer);
  }
  const output = graph.outputs.map((v) => encodeValueInfo(writer.valueName(v), v.type));
  const valueInfo = profile.valueInfo
    ? graph.nodes.flatMap((n) =>
        n.outputs.filter((o) => !graph.outputs.includes(o)).map((o) => encodeValueInfo(o.name, o.type)),
      )
    : [];
  const opsetImport = [...writer.opsets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([domain, version]) => (domain ? { domain, version } : { version }));
  const model = ModelProtoMessage.create({
    ir_version: irVersionFor(opset),
    opset_import: opsetImport,
    producer_name: options.producer ?? 'qtk',
    producer_version: producerVersion(),
    metadata_props: Object.entries(options.metadata ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => ({ key, value })),
    graph: {
      name: graph.name,
      node: writer.nodes,
      initializer: writer.initializers(),
      input: graph.inputs.map((v) => encodeValueInfo(v.name, v.type)),
      output,
      value_info: valueInfo,
    },
  });
  // A copy: protobufjs may hand out a slice of a shared Node buffer pool.
  return new Uint8Array(ModelProtoMessage.encode(model).finish());
}

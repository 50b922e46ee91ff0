import { Graph, type OpRegistry, opRegistry, QtkError, type Value } from '@qtk/ir';
import type { DecodedGraph, DecodedNode } from '../schema/DecodedModel.js';
import type { ExternalDataReader } from './ExternalDataReader.js';
import { invalidModel } from './invalidModel.js';
import { normalizeDomain } from './modelOpsets.js';
import { type GraphImportState, NodeImportContext } from './NodeImportContext.js';
import type { NodeOrigins } from './naming/NodeOrigins.js';
import { onnxOpImporters, SUPPORTED_ONNX_OPS } from './ops/onnxOpImporters.js';
import { nodeLabel, orderNodes } from './orderNodes.js';
import { readTensor } from './readTensor.js';
import { readValueType } from './readValueType.js';

/** What {@link buildGraph} needs besides the decoded graph. */
export interface BuildGraphOptions {
  readonly source: string;
  readonly opsets: ReadonlyMap<string, number>;
  readonly origins: NodeOrigins;
  readonly readExternal?: ExternalDataReader;
  readonly registry?: OpRegistry;
}

function importNode(
  node: DecodedNode,
  state: GraphImportState,
  opsets: ReadonlyMap<string, number>,
  source: string,
): void {
  const label = nodeLabel(node);
  const op = node.op_type ?? '';
  if (!op) throw invalidModel(source, `node '${label}' has no op type`);
  const domain = normalizeDomain(node.domain);
  const opset = opsets.get(domain);
  const importer = domain === '' ? onnxOpImporters.get(op) : undefined;
  if (!importer || opset === undefined) {
    const qualified = domain ? `${domain}::${op}` : op;
    const version = opset === undefined ? `domain '${domain}' not imported by the model` : `opset ${opset}`;
    throw new QtkError(
      'onnx.unsupported-op',
      `node '${label}' has op type '${qualified}' (${version}), which qtk does not import; supported ONNX ops: ${SUPPORTED_ONNX_OPS.join(', ')}`,
    );
  }
  if (opset < importer.since) {
    throw new QtkError(
      'onnx.opset',
      `node '${label}' (${op}): the model uses opset ${opset}, qtk imports ${op} from opset ${importer.since} on`,
    );
  }
  importer.import(new NodeImportContext(node, node.name || op, opset, state));
}

/**
 * The qtk graph of an ONNX graph: its inputs (those that are also initializers become constants,
 * as old PyTorch exports list weights among the inputs), its initializers as constants, each node
 * through its op's importer, and its outputs.
 */
export function buildGraph(g: DecodedGraph, options: BuildGraphOptions): Graph {
  const { source } = options;
  const graph = new Graph(g.name || 'main', options.registry ?? opRegistry);
  if (g.sparse_initializer.length > 0) {
    throw new QtkError('onnx.unsupported', `${source}: sparse initializers are not supported`);
  }
  const values = new Map<string, Value>();
  const read = (t: Parameters<typeof readTensor>[0], what: string) => readTensor(t, what, options.readExternal);
  for (const t of g.initializer) {
    const name = t.name ?? '';
    if (!name) throw invalidModel(source, 'an initializer has no name');
    if (values.has(name)) throw invalidModel(source, `initializer '${name}' appears twice`);
    values.set(name, graph.addConstant(name, read(t, `initializer '${name}'`)));
  }
  const inputNames = new Set<string>();
  for (const info of g.input) {
    const name = info.name ?? '';
    if (!name) throw invalidModel(source, 'a graph input has no name');
    if (inputNames.has(name)) throw invalidModel(source, `graph input '${name}' appears twice`);
    inputNames.add(name);
    if (values.has(name)) continue;
    values.set(name, graph.addInput(name, readValueType(info, `graph input '${name}'`)));
  }
  const nodes = orderNodes(g.node, new Set(values.keys()), source);
  const used = new Set<string>([...g.node.flatMap((n) => n.input), ...g.output.map((o) => o.name ?? '')]);
  const reserved = new Set<string>([...values.keys(), ...g.node.flatMap((n) => n.output)]);
  const state: GraphImportState = { graph, values, used, reserved, origins: options.origins, readTensor: read };
  for (const node of nodes) importNode(node, state, options.opsets, source);
  if (g.output.length === 0) throw invalidModel(source, 'the graph has no outputs');
  graph.setOutputs(
    g.output.map((o) => {
      const v = values.get(o.name ?? '');
      if (!v)
        throw invalidModel(source, `graph output '${o.name ?? ''}' is not computed by any node, input or initializer`);
      return v;
    }),
  );
  return graph;
}

import { type Graph, isQtkError, QtkError, verifyGraph } from '@qtk/ir';
import { foldConstants } from '../fold/foldConstants.js';
import { fuseImportedGraph } from '../fuse/fuseImportedGraph.js';
import { readQdqAsFakeQuantize } from '../qdq/readQdqAsFakeQuantize.js';
import { buildGraph } from './buildGraph.js';
import { decodeOnnxModel } from './decodeOnnxModel.js';
import type { ImportOptions } from './ImportOptions.js';
import { modelOpsets } from './modelOpsets.js';
import { NodeOrigins } from './naming/NodeOrigins.js';
import { nameNodesByScope } from './naming/nameNodesByScope.js';

/**
 * Imports an ONNX model (float, as PyTorch exports them, or QDQ) into a qtk graph of core ops.
 *
 * Constant subgraphs fold (see {@link foldConstants}); a QDQ model's QuantizeLinear/DequantizeLinear
 * pairs and dequantized integer weights become `FakeQuantize` nodes with their scales (Nash's
 * symmetric int8/int16 only; other Q/DQ nodes stay as core ops); unless `fuse` is false, the layers PyTorch
 * decomposed are restored (Linear, Conv with BatchNorm folded in, LayerNorm, GELU); nodes are named
 * after their module scope (`/linear1/MatMul` + `/linear1/Add` become `linear1`). Graph inputs and
 * outputs keep their ONNX names. `graph.metadata` gets `source`, `format`, `opset`, `ir_version`,
 * `producer` and `folded_nodes` (how many nodes became constants).
 *
 * A file that is not a valid ONNX model, an op or opset qtk does not import, a missing side file
 * and other problems of the input are {@link QtkError}s whose one-line message names the file and
 * the node, tensor or value at fault.
 */
export function importOnnx(bytes: Uint8Array, options: ImportOptions = {}): Graph {
  const source = options.source ?? 'model.onnx';
  try {
    const model = decodeOnnxModel(bytes, source);
    const opsets = modelOpsets(model, source);
    const origins = new NodeOrigins();
    const graph = buildGraph(model.graph as NonNullable<typeof model.graph>, {
      source,
      opsets,
      origins,
      ...(options.readExternal ? { readExternal: options.readExternal } : {}),
      ...(options.registry ? { registry: options.registry } : {}),
    });
    const folded = foldConstants(graph, options.evaluate);
    readQdqAsFakeQuantize(graph, origins);
    if (options.fuse !== false) fuseImportedGraph(graph, origins);
    graph.removeDeadCode();
    nameNodesByScope(graph, origins);
    verifyGraph(graph);
    Object.assign(graph.metadata, {
      source,
      format: 'onnx',
      opset: String(opsets.get('')),
      ir_version: model.ir_version ?? '',
      producer: [model.producer_name, model.producer_version].filter(Boolean).join(' '),
      folded_nodes: String(folded),
    });
    return graph;
  } catch (e) {
    if (isQtkError(e) && !e.message.startsWith(`${source}: `)) {
      throw new QtkError(e.code, `${source}: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

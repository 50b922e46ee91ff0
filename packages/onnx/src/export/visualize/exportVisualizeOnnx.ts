import type { Graph } from '@qtk/ir';
import writeFileAtomic from 'write-file-atomic';
import type { ExportOptions } from '../ExportOptions.js';
import { exportGraph } from '../exportGraph.js';
import { visualizeExportProfile } from './visualizeExportProfile.js';

/**
 * Writes any qtk graph (float, QAT, or a backend's quantized graph) as an ONNX file to look at in
 * Netron, not to run: one node per qtk node with its name, op type and domain (`qtk::Linear`,
 * `qtk::Rescale`, ... for integer ops; core ops such as `Relu` or `FakeQuantize` in the default
 * domain), every attribute (set or defaulted; scales, multipliers, shifts and tables as lists),
 * each annotation as a string attribute (`unit`, `fallback`), constants as initializers in their
 * own dtype (int8 weights, int32 biases, ...), and the element type and shape of every value
 * (`value_info` for intermediate ones). Opset imports: the standard domain (17 by default) and
 * `qtk` (1). `options.metadata` (march, backend, ...) becomes the model's properties. The same graph
 * always gives the same bytes.
 */
export function exportVisualizeOnnx(graph: Graph, options: ExportOptions = {}): Uint8Array {
  return exportGraph(graph, visualizeExportProfile, options);
}

/** Writes {@link exportVisualizeOnnx}'s bytes to `path` atomically (a temporary file renamed into place). */
export async function saveVisualizeOnnx(path: string, graph: Graph, options: ExportOptions = {}): Promise<void> {
  const bytes = exportVisualizeOnnx(graph, options);
  await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

import type { Graph } from '@qtk/ir';
import writeFileAtomic from 'write-file-atomic';
import type { ExportOptions } from './ExportOptions.js';
import { exportGraph } from './exportGraph.js';
import { floatExportProfile } from './float/floatExportProfile.js';

/**
 * Writes a float graph as an ONNX model (opset 17 by default) that onnxruntime runs: core ops as
 * the ONNX ops of the same name, `Linear` as Gemm (2-D input) or MatMul + Add, `LayerNorm` as
 * LayerNormalization, `BatchNorm` as BatchNormalization, `Gelu` as its erf decomposition before
 * opset 20, QuantStub/DeQuantStub as Identity. Symbolic dims become `dim_param`. The same graph
 * always gives the same bytes.
 */
export function exportOnnx(graph: Graph, options: ExportOptions = {}): Uint8Array {
  return exportGraph(graph, floatExportProfile, options);
}

/** Writes {@link exportOnnx}'s bytes to `path` atomically (a temporary file renamed into place). */
export async function saveOnnx(path: string, graph: Graph, options: ExportOptions = {}): Promise<void> {
  const bytes = exportOnnx(graph, options);
  await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

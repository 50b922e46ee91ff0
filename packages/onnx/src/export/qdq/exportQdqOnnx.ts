import type { Graph } from '@qtk/ir';
import writeFileAtomic from 'write-file-atomic';
import { DEFAULT_EXPORT_OPSET, exportGraph } from '../exportGraph.js';
import { INT16_QDQ_OPSET } from '../float/lowerLinearQuantization.js';
import type { QdqExportOptions } from './QdqExportOptions.js';
import { qdqExportProfile } from './qdqExportProfile.js';

/** True when some node quantizes to (or dequantizes) 16 bits, which needs opset 21. */
function usesInt16(graph: Graph): boolean {
  return graph.nodes.some((n) =>
    n.op === 'FakeQuantize'
      ? n.attrs.dtype === 'qint16'
      : (n.op === 'QuantizeLinear' || n.op === 'DequantizeLinear') &&
        [...n.inputs, ...n.outputs].some((v) => v?.type.dtype === 'int16'),
  );
}

/**
 * Writes a graph with fake quantization (a QAT artifact's) as a QDQ ONNX model that onnxruntime
 * runs: every FakeQuantize as QuantizeLinear + DequantizeLinear (scale float32, zero point 0 of
 * int8 or int16, per axis for per-channel scales), quantized constants as integer initializers +
 * DequantizeLinear, other ops as {@link exportOnnx} writes them. Opset 17, or 21 when int16 appears
 * (the first opset with int16 Q/DQ); `options.opset` overrides. A disabled or uncalibrated
 * FakeQuantize, a qint32 one and BPU rounding (unless `bpuRounding: 'half-to-even'`) are errors
 * naming the node. The same graph always gives the same bytes.
 */
export function exportQdqOnnx(graph: Graph, options: QdqExportOptions = {}): Uint8Array {
  const opset = options.opset ?? (usesInt16(graph) ? INT16_QDQ_OPSET : DEFAULT_EXPORT_OPSET);
  return exportGraph(graph, qdqExportProfile(options), { ...options, opset });
}

/** Writes {@link exportQdqOnnx}'s bytes to `path` atomically (a temporary file renamed into place). */
export async function saveQdqOnnx(path: string, graph: Graph, options: QdqExportOptions = {}): Promise<void> {
  const bytes = exportQdqOnnx(graph, options);
  await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

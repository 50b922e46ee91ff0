/**
 * `@qtk/onnx`: ONNX import (float models as PyTorch exports them, QDQ models) and export of qtk
 * graphs (float, QDQ, and visualize: qtk's own ops and annotations, for Netron).
 *
 * @packageDocumentation
 */

export type { ExportContext, NodeLowering, OnnxNodeSpec } from './export/ExportContext.js';
export type { ExportOptions } from './export/ExportOptions.js';
export type { ExportProfile } from './export/ExportProfile.js';
export { DEFAULT_EXPORT_OPSET, exportGraph } from './export/exportGraph.js';
export { exportOnnx, saveOnnx } from './export/exportOnnx.js';
export { floatExportProfile } from './export/float/floatExportProfile.js';
export { exportQdqOnnx, saveQdqOnnx } from './export/qdq/exportQdqOnnx.js';
export type { QdqExportOptions } from './export/qdq/QdqExportOptions.js';
export { qdqExportProfile } from './export/qdq/qdqExportProfile.js';
export { exportVisualizeOnnx, saveVisualizeOnnx } from './export/visualize/exportVisualizeOnnx.js';
export { visualizeExportProfile } from './export/visualize/visualizeExportProfile.js';
export type { ConstantEvaluator } from './fold/ConstantEvaluator.js';
export { foldConstants } from './fold/foldConstants.js';
export type { ImportOptions } from './import/ImportOptions.js';
export { importOnnx } from './import/importOnnx.js';
export { loadOnnx } from './import/loadOnnx.js';
export { MAX_IMPORT_OPSET } from './import/modelOpsets.js';
export { SUPPORTED_ONNX_OPS } from './import/ops/onnxOpImporters.js';

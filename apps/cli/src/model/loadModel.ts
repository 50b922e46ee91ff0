import { extname } from 'node:path';
import { loadArtifact, QtkError } from '@qtk/ir';
import { loadOnnx } from '@qtk/onnx';
import { loadQat } from '@qtk/qconfig';
import { evaluateNode } from '@qtk/simulator';
import { buildConversionReport } from '../convert/buildConversionReport.js';
import { readConvertWarnings } from '../convert/readConvertWarnings.js';
import { requireFile } from '../io/requireFile.js';
import { builtinModel } from './builtinModel.js';
import type { LoadedModel } from './LoadedModel.js';

/** The model file extensions the CLI reads. */
export const MODEL_EXTENSIONS: readonly string[] = ['.onnx', '.qtk'];

/**
 * Loads the model a command names: a `.onnx` file (constants folded by the simulator's kernels), a
 * `.qtk` artifact (a QAT artifact as its calibrated model, in VALIDATION; a quantized one with its
 * conversion report), or, with no path, the built-in model. The format follows the extension.
 */
export async function loadModel(path: string | undefined): Promise<LoadedModel> {
  if (path === undefined) return builtinModel();
  const extension = extname(path).toLowerCase();
  if (!MODEL_EXTENSIONS.includes(extension)) {
    throw new QtkError(
      'cli.model-format',
      `${path}: unknown model format ${extension ? `'${extension}'` : '(no extension)'}; expected a ${MODEL_EXTENSIONS.join(' or ')} file`,
    );
  }
  await requireFile(path);
  if (extension === '.onnx') {
    const graph = await loadOnnx(path, { evaluate: evaluateNode });
    return { graph, source: { kind: 'onnx', path }, metadata: { ...graph.metadata } };
  }
  const artifact = await loadArtifact(path);
  const source = { kind: 'qtk', path, artifactKind: artifact.kind } as const;
  const metadata = { ...artifact.graph.metadata, ...artifact.metadata };
  if (artifact.kind === 'qat') {
    // loadQat checks the artifact's sections, so a damaged QAT artifact is refused here, by name.
    const qat = loadQat(artifact, path);
    return { graph: qat.graph, source, metadata, qat };
  }
  if (artifact.kind === 'quantized') {
    const warnings = readConvertWarnings(artifact.sections, path);
    const conversion = buildConversionReport(artifact.graph, artifact.metadata, warnings);
    return { graph: artifact.graph, source, metadata, conversion };
  }
  return { graph: artifact.graph, source, metadata };
}

import { basename, dirname } from 'node:path';
import { exportVisualizeOnnx } from '@qtk/onnx';
import type { CliIo } from '../cli/CliIo.js';
import { loadModel } from '../model/loadModel.js';
import { checkOutputExtension } from '../output/checkOutputExtension.js';
import { checkOutputTargets } from '../output/checkOutputTargets.js';
import { createOutDir } from '../output/createOutDir.js';
import { writeOutputFile } from '../output/writeOutputFile.js';

/** Options of `qtk visualize`. */
export interface VisualizeOptions {
  /** The ONNX file to write. */
  readonly out: string;
  /** Print nothing on success. */
  readonly quiet?: boolean;
}

/**
 * `qtk visualize <model> --out <file.onnx>`: writes the model as qtk holds it (a quantized
 * artifact's integer ops with their units, a QAT artifact's fake quantization, or a float model) as
 * an ONNX file to open in Netron (`exportVisualizeOnnx` of `@qtk/onnx`), with the model's metadata
 * (march, backend, options, source) as its properties. Atomic, never over the input, the same bytes
 * for the same model wherever it is.
 */
export async function visualizeCommand(path: string, options: VisualizeOptions, io: CliIo): Promise<void> {
  checkOutputExtension(options.out, '.onnx', 'a visualize file');
  await checkOutputTargets([options.out], [path]);
  const model = await loadModel(path);
  // An ONNX model's source is the path it was given by; the file name keeps the bytes independent of it.
  const metadata = { ...model.metadata, ...(model.source.kind === 'onnx' ? { source: basename(path) } : {}) };
  const bytes = exportVisualizeOnnx(model.graph, { metadata });
  await createOutDir(dirname(options.out));
  await writeOutputFile(options.out, bytes);
  if (options.quiet) return;
  const kind = model.source.kind === 'qtk' ? `${model.source.artifactKind} artifact` : 'ONNX model';
  const march = model.metadata.march ? `, ${model.metadata.march}` : '';
  const nodes = model.graph.nodes.length;
  io.stdout(
    `Wrote ${options.out}: ${path} (${kind}${march}), ${nodes} node${nodes === 1 ? '' : 's'}; open it in Netron\n`,
  );
}

import { dirname, extname } from 'node:path';
import { type BackendOptionValues, backendRegistry, loadBackendPackage } from '@qtk/backend';
import { type Artifact, encodeArtifact, isQtkError, loadArtifact, QtkError } from '@qtk/ir';
import type { CliIo } from '../cli/CliIo.js';
import { UsageError } from '../cli/UsageError.js';
import { buildConversionReport } from '../convert/buildConversionReport.js';
import { formatConversion } from '../convert/formatConversion.js';
import { readConvertWarnings } from '../convert/readConvertWarnings.js';
import { resolveBackendSpecifier } from '../convert/resolveBackendSpecifier.js';
import '../convert/shippedBackends.js';
import { requireFile } from '../io/requireFile.js';
import { checkOutputExtension } from '../output/checkOutputExtension.js';
import { checkOutputTargets } from '../output/checkOutputTargets.js';
import { createOutDir } from '../output/createOutDir.js';
import { writeOutputFile } from '../output/writeOutputFile.js';

/** Options of `qtk convert`. */
export interface ConvertOptions {
  /** The march to convert for; any march a registered backend serves. */
  readonly march: string;
  /** nash-h/p's `integerConv`: GEMM outputs as int32 + host dequantize, as nash-m does. */
  readonly integerConv?: boolean;
  /** Third-party backend packages (names or paths) to load before converting. */
  readonly backend?: readonly string[];
  /** The quantized artifact to write (`.qtk`). */
  readonly out: string;
  /** Print nothing on success. */
  readonly quiet?: boolean;
}

/** The QAT artifact `path` names; any other model is refused with what to do instead. */
async function loadQatArtifact(path: string): Promise<Artifact> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.qtk') {
    const hint =
      extension === '.onnx'
        ? `; calibrate the model first (qtk calibrate ${path} --data <dir> --march <march> --setter <preset> --out <dir>)`
        : '';
    throw new QtkError(
      'cli.convert-model',
      `${path}: convert takes a QAT artifact (a .qtk file from qtk calibrate)${hint}`,
    );
  }
  await requireFile(path);
  return loadArtifact(path);
}

/**
 * `qtk convert <qat.qtk> --march <march> [--integer-conv] [--backend <package>]... --out <file.qtk>`:
 * converts a calibrated QAT artifact with the backend registered for the march
 * (`backendRegistry.convert` of `@qtk/backend`) and writes the quantized artifact atomically, never
 * over the input. A march no backend serves, or an option the backend does not take, is a usage
 * error listing what exists; an artifact that is not a calibrated QAT one is the registry's error.
 */
export async function convertCommand(path: string, options: ConvertOptions, io: CliIo): Promise<void> {
  for (const specifier of options.backend ?? []) {
    try {
      await loadBackendPackage(resolveBackendSpecifier(specifier));
    } catch (e) {
      // The registry names what it imported (a file URL for a path); the user wants their spelling.
      if (isQtkError(e)) throw new QtkError(e.code, `--backend ${specifier}: ${e.message}`, { cause: e });
      throw e;
    }
  }
  if (!backendRegistry.marches().includes(options.march)) {
    // The registry's own message, which lists the registered marches.
    try {
      backendRegistry.backendFor(options.march);
    } catch (e) {
      if (isQtkError(e)) throw new UsageError(`--march: ${e.message}`);
      throw e;
    }
  }
  checkOutputExtension(options.out, '.qtk', 'a quantized artifact');
  await checkOutputTargets([options.out], [path]);
  const qat = await loadQatArtifact(path);
  const backendOptions: BackendOptionValues = options.integerConv ? { integerConv: true } : {};
  let quantized: Artifact;
  try {
    quantized = backendRegistry.convert(qat, options.march, backendOptions, path);
  } catch (e) {
    if (isQtkError(e) && e.code === 'backend.option') throw new UsageError(`--integer-conv: ${e.message}`);
    throw e;
  }
  const bytes = encodeArtifact(quantized);
  // Read back before writing, so a backend's malformed warnings section leaves nothing behind.
  const warnings = readConvertWarnings(quantized.sections, options.out);
  await createOutDir(dirname(options.out));
  await writeOutputFile(options.out, bytes);

  if (options.quiet) return;
  const report = buildConversionReport(quantized.graph, quantized.metadata, warnings);
  io.stdout(`Converted ${path} for ${options.march}\n${formatConversion(report)}Wrote ${options.out}\n`);
}

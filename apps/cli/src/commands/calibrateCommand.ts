import { basename, join } from 'node:path';
import { QtkError } from '@qtk/ir';
import { PRESET_ACTIVATIONS, type PreparedModel, presetSetter } from '@qtk/qconfig';
import { calibrateGraph } from '../calibrate/calibrateGraph.js';
import { CALIBRATION_FILE_NAMES, CALIBRATION_FILES, calibrationOutputs } from '../calibrate/calibrationOutputs.js';
import { listSamples } from '../calibrate/listSamples.js';
import { readSample } from '../calibrate/readSample.js';
import type { CliIo } from '../cli/CliIo.js';
import { startProgress } from '../cli/Progress.js';
import { packageVersion } from '../cli/packageVersion.js';
import { loadModel } from '../model/loadModel.js';
import { checkOutputTargets } from '../output/checkOutputTargets.js';
import { createOutDir } from '../output/createOutDir.js';
import { writeOutputFile } from '../output/writeOutputFile.js';
import { renderTable } from '../text/renderTable.js';

/** Options of `qtk calibrate`. */
export interface CalibrateOptions {
  /** The folder of samples: `.npy` files (single-input models) or `.npz` files. */
  readonly data: string;
  /** One of `NASH_MARCHES`. */
  readonly march: string;
  /** A preset name (`default-calibration`, ...). */
  readonly setter: string;
  /** The activation observer, in place of the preset's. */
  readonly observer?: string;
  /** Use the first `limit` samples in name order. */
  readonly limit?: number;
  /** Skip NaN and infinite values in activations (and samples) instead of refusing them. */
  readonly skipNonFinite?: boolean;
  /** The directory to write the four files into (created when missing). */
  readonly out: string;
  /** Print nothing on success. */
  readonly quiet?: boolean;
}

/**
 * `qtk calibrate <model> --data <dir> --march <march> --setter <preset> --out <dir>`: prepares a
 * float model with the preset, calibrates it on the samples, fixes the scales (VALIDATION) and
 * writes `qat.qtk`, `qconfig.json`, `qconfig.txt` and `qdq.onnx`. Everything is checked, and all four
 * files are made in memory, before anything is written; each file is written atomically.
 */
export async function calibrateCommand(modelPath: string, options: CalibrateOptions, io: CliIo): Promise<void> {
  const skipNonFinite = options.skipNonFinite === true;
  const qconfigSetter = presetSetter(options.setter, {
    ...(options.observer === undefined ? {} : { observer: options.observer }),
    skipNonFinite,
  });
  const model = await loadModel(modelPath);
  if (model.source.kind === 'qtk' && model.source.artifactKind !== 'float') {
    throw new QtkError(
      'cli.calibrate-model',
      `${modelPath}: a ${model.source.artifactKind} artifact; calibrate takes a float model (.onnx, or a float .qtk)`,
    );
  }
  const { graph } = model;
  const folder = listSamples(options.data, options.limit);
  if (folder.format === 'npy' && graph.inputs.length !== 1) {
    throw new QtkError(
      'cli.data',
      `${options.data}: .npy samples feed a single-input model, and ${modelPath} has ${graph.inputs.length} inputs (${graph.inputs.map((v) => v.name).join(', ')}); use .npz samples with one array per input`,
    );
  }
  const targets = CALIBRATION_FILE_NAMES.map((name) => join(options.out, name));
  await checkOutputTargets(targets, [modelPath, ...folder.files]);

  // The artifact records the model's file name, not the path it was given by, so the same model and
  // samples give the same bytes wherever they are.
  graph.metadata.source = basename(modelPath);
  const started = performance.now();
  const progress = startProgress(io, 'calibrating');
  let prepared: PreparedModel;
  try {
    prepared = await calibrateGraph(
      graph,
      {
        files: folder.files,
        read: (file) => readSample(file, folder.format, graph.inputs, { allowNonFinite: skipNonFinite }),
      },
      { march: options.march, qconfigSetter, onSample: (done, total) => progress.update(done, total) },
    );
  } finally {
    progress.finish();
  }
  const seconds = (performance.now() - started) / 1000;

  const observer = options.observer ?? PRESET_ACTIVATIONS[options.setter]?.observer.kind ?? '';
  const { outputs, table } = calibrationOutputs(prepared, {
    qtk_version: packageVersion(),
    calibration_preset: options.setter,
    calibration_observer: observer,
    calibration_samples: String(folder.files.length),
  });
  await createOutDir(options.out);
  for (const output of outputs) await writeOutputFile(join(options.out, output.name), output.contents);

  if (options.quiet) return;
  const n = folder.files.length;
  const limited = n < folder.found ? ` (the first ${n} of ${folder.found})` : '';
  const warnings = table.warnings.length;
  io.stdout(
    `Calibrated ${modelPath} on ${n} sample${n === 1 ? '' : 's'}${limited} from ${options.data} in ${seconds.toFixed(2)} s\n` +
      `  march ${options.march}, preset ${options.setter}, activation observer ${observer}\n` +
      `${warnings} warning${warnings === 1 ? '' : 's'}${warnings > 0 ? ` (see ${join(options.out, CALIBRATION_FILES.text)})` : ''}\n` +
      `Wrote:\n${renderTable(outputs.map((o) => [join(options.out, o.name), o.description]))}`,
  );
}

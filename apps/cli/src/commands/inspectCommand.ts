import { buildQconfigTable, formatQconfigTable } from '@qtk/qconfig';
import type { CliIo } from '../cli/CliIo.js';
import { buildInspectReport } from '../inspect/buildInspectReport.js';
import { formatInspectText } from '../inspect/formatInspectText.js';
import { loadModel } from '../model/loadModel.js';
import { noteBuiltinModel } from '../model/noteBuiltinModel.js';

/** Options of `qtk inspect`. */
export interface InspectOptions {
  /** Print the report as one JSON document (format `qtk.inspect/1`). */
  readonly json?: boolean;
}

/**
 * `qtk inspect [model]`: prints a model's inputs, outputs, nodes, op counts, parameters and MACs,
 * and for a QAT artifact its qconfig table (under `qconfig` with `--json`).
 */
export async function inspectCommand(modelPath: string | undefined, options: InspectOptions, io: CliIo): Promise<void> {
  const model = await loadModel(modelPath);
  const report = buildInspectReport(model);
  if (options.json) {
    // The text report names the built-in model itself; JSON keeps stdout a single document.
    noteBuiltinModel(model, io);
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout(formatInspectText(report));
    // The same table as calibrate's qconfig.txt, except saturation warnings: they come from a
    // validation run, which the artifact does not record.
    if (model.qat) io.stdout(`\nQuantization: ${formatQconfigTable(buildQconfigTable(model.qat))}`);
  }
}

import { encodeArtifact } from '@qtk/ir';
import { exportQdqOnnx } from '@qtk/onnx';

import {
  buildQconfigTable,
  exportQat,
  formatQconfigTable,
  type PreparedModel,
  type QconfigTable,
  qconfigJson,
} from '@qtk/qconfig';

/** One file `qtk calibrate` writes. */
export interface CalibrationOutput {
  /** The file name inside `--out`. */
  readonly name: string;
  readonly contents: Uint8Array | string;
  /** What the file is, for the summary. */
  readonly description: string;
}

/** The files `qtk calibrate` writes into `--out`. */
export const CALIBRATION_FILES = {
  qat: 'qat.qtk',
  json: 'qconfig.json',
  text: 'qconfig.txt',
  qdq: 'qdq.onnx',
} as const;

/** Their names, in the order they are written. */
export const CALIBRATION_FILE_NAMES: readonly string[] = Object.values(CALIBRATION_FILES);

/**
 * Everything `qtk calibrate` writes, computed in memory so that nothing is written unless all of it
 * could be made: the QAT artifact (with `metadata`), the qconfig as JSON and as a table, and the QDQ
 * ONNX model. Also returns the table, for the summary's warning count.
 */
export function calibrationOutputs(
  model: PreparedModel,
  metadata: Readonly<Record<string, string>>,
): { outputs: CalibrationOutput[]; table: QconfigTable } {
  const artifact = exportQat(model, metadata);
  const table = buildQconfigTable(model);
  const outputs: CalibrationOutput[] = [
    {
      name: CALIBRATION_FILES.qat,
      contents: encodeArtifact(artifact),
      description: 'QAT artifact: the fake-quant model, observer states, qconfig',
    },
    {
      name: CALIBRATION_FILES.json,
      contents: `${JSON.stringify(qconfigJson(table), null, 2)}\n`,
      description: 'qconfig: dtypes and scales of every op',
    },
    { name: CALIBRATION_FILES.text, contents: formatQconfigTable(table), description: 'qconfig table and warnings' },
    {
      name: CALIBRATION_FILES.qdq,
      contents: exportQdqOnnx(artifact.graph),
      description: 'QDQ ONNX: QuantizeLinear/DequantizeLinear pairs, for onnxruntime and other tools',
    },
  ];
  return { outputs, table };
}

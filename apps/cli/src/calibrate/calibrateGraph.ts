import { type Graph, isQtkError, QtkError, type Tensor } from '@qtk/ir';
import { FakeQuantState, type PreparedModel, prepare, type QconfigSetter, setFakeQuantize } from '@qtk/qconfig';
import { runGraph } from '@qtk/simulator';

/** What {@link calibrateGraph} needs to know about the samples. */
export interface CalibrationSamples {
  /** The sample files, in the order to run them. */
  readonly files: readonly string[];
  /** Reads and checks one sample: a tensor per model input. */
  read(file: string): Promise<Record<string, Tensor>>;
}

/** Options of {@link calibrateGraph}. */
export interface CalibrateGraphOptions {
  readonly march: string;
  readonly qconfigSetter: QconfigSetter;
  /** Called after each sample has run (`done` of `total`). */
  readonly onSample?: (done: number, total: number) => void;
}

/**
 * Runs one sample; a user error (NaN inside the model, say) is reported with the sample's file, and
 * an observer's refusal of non-finite values names the CLI's way to skip them.
 */
function runSample(model: PreparedModel, feeds: Record<string, Tensor>, file: string): void {
  try {
    runGraph(model.graph, feeds, { hooks: model.hooks });
  } catch (e) {
    if (!isQtkError(e)) throw e;
    const message =
      e.code === 'observer.non-finite' ? e.message.replace("(nonFinite: 'skip')", '(--skip-non-finite)') : e.message;
    throw new QtkError(e.code, `${file}: ${message}`, { cause: e });
  }
}

/**
 * The whole calibration of a float graph, as `qtk calibrate` does it: prepare with the setter and
 * march (the first sample is the example input), run every sample in CALIBRATION so the observers
 * see it, switch to VALIDATION (scales fixed), and run the first sample once more in VALIDATION so
 * that the qconfig table can warn about saturation. Samples are read one at a time, so memory does
 * not grow with their number.
 */
export async function calibrateGraph(
  graph: Graph,
  samples: CalibrationSamples,
  options: CalibrateGraphOptions,
): Promise<PreparedModel> {
  const [firstFile] = samples.files;
  if (firstFile === undefined) throw new QtkError('cli.data', 'calibration needs at least one sample');
  const first = await samples.read(firstFile);
  const model = prepare(
    graph,
    graph.inputs.map((v) => first[v.name] as Tensor),
    { march: options.march, qconfigSetter: options.qconfigSetter },
  );
  const total = samples.files.length;
  for (const [i, file] of samples.files.entries()) {
    runSample(model, i === 0 ? first : await samples.read(file), file);
    options.onSample?.(i + 1, total);
  }
  setFakeQuantize(model, FakeQuantState.VALIDATION);
  runSample(model, first, firstFile);
  return model;
}

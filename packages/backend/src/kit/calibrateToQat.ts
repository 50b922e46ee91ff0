import type { Artifact, Graph, Module, Tensor } from '@qtk/ir';
import {
  exportQat,
  FakeQuantState,
  type PreparedModel,
  prepare,
  type QconfigSetter,
  setFakeQuantize,
} from '@qtk/qconfig';
import type { GraphRunner } from '../consistency/measureGemmConsistency.js';

/** What {@link calibrateToQat} needs. */
export interface CalibrateToQatOptions {
  readonly march: string;
  readonly qconfigSetter: QconfigSetter | readonly QconfigSetter[];
  /** Calibration samples, as feeds by input name. */
  readonly samples: readonly Readonly<Record<string, Tensor>>[];
  /** The graph runner (the simulator's `runGraph`). */
  readonly run: GraphRunner;
  readonly inputNames?: readonly string[];
  readonly outputNames?: readonly string[];
}

/**
 * The whole flow to a QAT artifact in one call: prepare, CALIBRATION runs over the samples,
 * VALIDATION, export. For tests and scripts; the CLI's `qtk calibrate` does the same with files.
 */
export function calibrateToQat(
  model: Module | Graph,
  exampleInputs: Tensor | readonly Tensor[],
  options: CalibrateToQatOptions,
): { artifact: Artifact; prepared: PreparedModel } {
  const prepared = prepare(model, exampleInputs, {
    march: options.march,
    qconfigSetter: options.qconfigSetter,
    ...(options.inputNames ? { inputNames: options.inputNames } : {}),
    ...(options.outputNames ? { outputNames: options.outputNames } : {}),
  });
  setFakeQuantize(prepared, FakeQuantState.CALIBRATION);
  for (const feeds of options.samples) options.run(prepared.graph, feeds, { hooks: prepared.hooks });
  setFakeQuantize(prepared, FakeQuantState.VALIDATION);
  return { artifact: exportQat(prepared, { producer: 'qtk' }), prepared };
}

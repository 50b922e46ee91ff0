import type { Graph, Tensor } from '@qtk/ir';
import { loadOnnx } from '@qtk/onnx';
import { FakeQuantState, type PreparedModel, prepare, presetSetter, setFakeQuantize } from '@qtk/qconfig';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath } from '@qtk/test-fixtures';

/** A fixture model and its calibration samples, as the CLI tests use them. */
export interface FixtureCase {
  readonly model: string;
  readonly samples: 'calib_seq_2x100x256' | 'calib_img_1x3x32x32';
}

export const SEED_SMALL: FixtureCase = { model: 'seed_small.onnx', samples: 'calib_seq_2x100x256' };
export const SMALL_CNN: FixtureCase = { model: 'small_cnn.onnx', samples: 'calib_img_1x3x32x32' };

/** The fixture's float graph, imported the way the CLI imports it. */
export function fixtureGraph(c: FixtureCase): Promise<Graph> {
  return loadOnnx(fixturePath(c.model), { evaluate: evaluateNode });
}

/**
 * The calibration `qtk calibrate` should do, written with the libraries only (the flow of
 * `@qtk/qconfig`'s README): prepare, run the samples with the hooks in CALIBRATION, VALIDATION,
 * one validation run on the first sample.
 */
export async function calibrateWithLibraries(
  c: FixtureCase,
  options: { setter: string; observer?: string; limit?: number; march?: string },
): Promise<{ model: PreparedModel; samples: Tensor[] }> {
  const graph = await fixtureGraph(c);
  const samples = calibrationSamples(c.samples).slice(0, options.limit);
  const input = graph.inputs[0]?.name as string;
  const model = prepare(graph, samples[0] as Tensor, {
    march: options.march ?? 'nash-m',
    qconfigSetter: presetSetter(options.setter, options.observer ? { observer: options.observer } : {}),
  });
  for (const x of samples) runGraph(model.graph, { [input]: x }, { hooks: model.hooks });
  setFakeQuantize(model, FakeQuantState.VALIDATION);
  runGraph(model.graph, { [input]: samples[0] as Tensor }, { hooks: model.hooks });
  return { model, samples };
}

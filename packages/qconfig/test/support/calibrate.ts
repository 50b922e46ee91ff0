import type { Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { FakeQuantState, type PreparedModel, setFakeQuantize } from '../../src/index.js';

/** Calibrates on `samples` (single-input model), then switches to VALIDATION. */
export function calibrate(model: PreparedModel, samples: readonly Tensor[]): void {
  setFakeQuantize(model, FakeQuantState.CALIBRATION);
  const input = model.graph.inputs[0]?.name as string;
  for (const x of samples) runGraph(model.graph, { [input]: x }, { hooks: model.hooks });
  setFakeQuantize(model, FakeQuantState.VALIDATION);
}

/** Runs a prepared model on one input, with its hooks, returning the outputs by name. */
export function run(model: PreparedModel, x: Tensor): Record<string, Tensor> {
  return runGraph(model.graph, { [model.graph.inputs[0]?.name as string]: x }, { hooks: model.hooks }).outputs;
}

/** Cosine similarity of two tensors' values. */

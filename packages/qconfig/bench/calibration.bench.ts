import { readFileSync } from 'node:fs';
import type { Tensor } from '@qtk/ir';
import { importOnnx } from '@qtk/onnx';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath } from '@qtk/test-fixtures';
import * as ort from 'onnxruntime-node';
import { afterAll, bench, describe } from 'vitest';
import { defaultCalibrationQconfigSetter, FakeQuantState, prepare, setFakeQuantize } from '../src/index.js';

// The whole calibration of small_cnn on its 16 samples (calib_img_1x3x32x32), as `qtk calibrate`
// does it, against onnxruntime-node's float inference of the same 16 samples. onnxruntime runs on
// one thread (intra- and inter-op), like qtk, with its session created outside the timed function.
//
// - "prepare + calibrate": prepare (copy, BatchNorm folding, fusion, FakeQuantize insertion,
//   weight scales), 16 CALIBRATION runs with the observers, VALIDATION (the MSE clip searches);
// - "calibrate only": the 16 CALIBRATION runs and VALIDATION on a model prepared once, outside;
// - "float inference": the simulator on the float graph, no hooks: what calibration adds to it.

const bytes = readFileSync(fixturePath('small_cnn.onnx'));
const graph = importOnnx(bytes, { source: 'small_cnn.onnx', evaluate: evaluateNode });
const samples = calibrationSamples('calib_img_1x3x32x32');
const input = graph.inputs[0]?.name as string;
const options = { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter };

function calibrateSamples(model: ReturnType<typeof prepare>): void {
  setFakeQuantize(model, FakeQuantState.CALIBRATION);
  for (const x of samples) runGraph(model.graph, { [input]: x }, { hooks: model.hooks });
  setFakeQuantize(model, FakeQuantState.VALIDATION);
}

const preparedOnce = prepare(graph, samples[0] as Tensor, options);
const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
const ortFeeds = samples.map((x) => ({ [input]: new ort.Tensor('float32', x.data as Float32Array, x.shape) }));

const timing = new Map<string, { ms: number; calls: number }>();
function timed(name: string, fn: () => void | Promise<void>): [string, () => Promise<void>] {
  const t = { ms: 0, calls: 0 };
  timing.set(name, t);
  return [
    name,
    async () => {
      const start = performance.now();
      await fn();
      t.ms += performance.now() - start;
      t.calls++;
    },
  ];
}

describe('small_cnn, 16 samples, single thread', () => {
  bench(...timed('qtk prepare + calibrate', () => calibrateSamples(prepare(graph, samples[0] as Tensor, options))));
  bench(...timed('qtk calibrate only', () => calibrateSamples(preparedOnce)));
  bench(
    ...timed('qtk float inference (no hooks)', () => {
      for (const x of samples) runGraph(graph, { [input]: x });
    }),
  );
  bench(
    ...timed('onnxruntime-node float inference', async () => {
      for (const feeds of ortFeeds) await session.run(feeds);
    }),
  );
});

// File level: vitest runs no describe-level hooks in bench mode.
afterAll(() => {
  const mean = (name: string) => {
    const t = timing.get(name) as { ms: number; calls: number };
    return t.ms / t.calls;
  };
  const ort16 = mean('onnxruntime-node float inference');
  const lines = [...timing.keys()].map(
    (name) =>
      `  ${name.padEnd(34)} ${mean(name).toFixed(3).padStart(9)} ms  (${(mean(name) / ort16).toFixed(1)}x onnxruntime)`,
  );
  process.stdout.write(`\nsmall_cnn, 16 samples, mean per run of all 16:\n${lines.join('\n')}\n`);
});

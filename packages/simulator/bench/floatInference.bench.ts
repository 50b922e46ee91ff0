import { readFileSync } from 'node:fs';
import { importOnnx } from '@qtk/onnx';
import { fixturePath, readFixtureNpy } from '@qtk/test-fixtures';
import * as ort from 'onnxruntime-node';
import { bench, describe } from 'vitest';
import { evaluateNode, runGraph } from '../src/index.js';
import { tensorFromFixture, toOrtTensor } from '../test/support/tensorConversion.js';

// Float inference of the fixture models in @qtk/simulator and in onnxruntime-node, same process,
// same model bytes and input. onnxruntime runs single-threaded (intra- and inter-op threads 1), as
// the simulator does, and its session is created once, outside the timed function.

const models = [
  { name: 'small_cnn', model: 'small_cnn.onnx', input: 'small_cnn.input.npy' },
  { name: 'seed_small', model: 'seed_small.onnx', input: 'seed_small.input.npy' },
];

for (const m of models) {
  const bytes = readFileSync(fixturePath(m.model));
  const graph = importOnnx(bytes, { source: m.model, evaluate: evaluateNode });
  const x = tensorFromFixture(readFixtureNpy(fixturePath(m.input)));
  const inputName = graph.inputs[0]?.name ?? 'x';
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const ortFeeds = { [inputName]: toOrtTensor(x) };

  describe(`${m.name}: float inference, single thread`, () => {
    bench('@qtk/simulator runGraph', () => {
      runGraph(graph, { [inputName]: x });
    });
    bench('onnxruntime-node', async () => {
      await session.run(ortFeeds);
    });
  });
}

import { readdirSync } from 'node:fs';
import { loadOnnx } from '@qtk/onnx';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { evaluateNode, runGraph } from '../src/index.js';
import { expectMatchesPyTorch, fixtureTensor as fixture } from './support/pytorchReference.js';

// F.interpolate and F.grid_sample as PyTorch 1.13 exports them (opset 17), against PyTorch's own
// outputs (data/resample/make_resample_fixtures.py), to 1e-5 absolute on inputs of unit scale.
const ABS_TOLERANCE = 1e-5;

const models = readdirSync(fixturePath('resample'))
  .filter((f) => f.endsWith('.onnx'))
  .map((f) => f.slice(0, -'.onnx'.length))
  .sort();

describe('PyTorch F.interpolate and F.grid_sample exports', () => {
  it('are all here', () => {
    expect(models.length).toBe(18);
  });

  for (const name of models) {
    it(`${name} matches PyTorch, with a static output shape`, async () => {
      const graph = await loadOnnx(fixturePath('resample', `${name}.onnx`), { evaluate: evaluateNode });
      const feeds = Object.fromEntries(graph.inputs.map((v) => [v.name, fixture(`resample/${name}.${v.name}.npy`)]));
      const expected = fixture(`resample/${name}.output.npy`);
      expect(graph.outputs[0]?.type.shape).toEqual(expected.shape);
      const { outputs } = runGraph(graph, feeds);
      expectMatchesPyTorch(name, outputs.y, expected, ABS_TOLERANCE);
    });
  }
});

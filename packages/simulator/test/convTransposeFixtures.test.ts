import { loadOnnx } from '@qtk/onnx';
import { CONVTRANSPOSE_FIXTURE_MODELS, fixturePath } from '@qtk/test-fixtures';
import { describe, it } from 'vitest';
import { evaluateNode, runGraph } from '../src/index.js';
import { expectMatchesPyTorch, fixtureTensor as fixture } from './support/pytorchReference.js';

// nn.ConvTranspose{1,2,3}d, nn.InstanceNorm2d and a small decoder exported by PyTorch 1.13
// (data/convtranspose/make_fixtures.py), against PyTorch's own outputs, to 1e-4 absolute as the
// other PyTorch fixtures.
const ABS_TOLERANCE = 1e-4;

describe('PyTorch ConvTranspose and InstanceNorm exports', () => {
  for (const name of CONVTRANSPOSE_FIXTURE_MODELS) {
    it(`${name}.onnx matches PyTorch`, async () => {
      const graph = await loadOnnx(fixturePath('convtranspose', `${name}.onnx`), { evaluate: evaluateNode });
      const { outputs } = runGraph(graph, { x: fixture(`convtranspose/${name}.input.npy`) });
      expectMatchesPyTorch(name, outputs.y, fixture(`convtranspose/${name}.output.npy`), ABS_TOLERANCE);
    });
  }
});

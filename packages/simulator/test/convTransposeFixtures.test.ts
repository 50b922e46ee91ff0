import { loadOnnx } from '@qtk/onnx';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, it } from 'vitest';
import { evaluateNode, runGraph } from '../src/index.js';
import { expectMatchesPyTorch, fixtureTensor as fixture } from './support/pytorchReference.js';

// nn.ConvTranspose{1,2,3}d, nn.InstanceNorm2d and a small decoder exported by PyTorch 1.13
// (data/convtranspose/make_fixtures.py), against PyTorch's own outputs, to 1e-4 absolute as the
// other PyTorch fixtures.
const ABS_TOLERANCE = 1e-4;

const MODELS = [
  'convtranspose2d_s2_p1_op1',
  'convtranspose2d_g2_d2_nobias',
  'convtranspose2d_g2_bias',
  'convtranspose1d_s3_p2_op2',
  'convtranspose3d',
  'instancenorm2d_affine',
  'decoder',
  'convtranspose2d_bn_relu',
];

describe('PyTorch ConvTranspose and InstanceNorm exports', () => {
  for (const name of MODELS) {
    it(`${name}.onnx matches PyTorch`, async () => {
      const graph = await loadOnnx(fixturePath('convtranspose', `${name}.onnx`), { evaluate: evaluateNode });
      const { outputs } = runGraph(graph, { x: fixture(`convtranspose/${name}.input.npy`) });
      expectMatchesPyTorch(name, outputs.y, fixture(`convtranspose/${name}.output.npy`), ABS_TOLERANCE);
    });
  }
});

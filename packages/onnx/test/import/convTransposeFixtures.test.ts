import { type Tensor, verifyGraph } from '@qtk/ir';
import { CONVTRANSPOSE_FIXTURE_MODELS, fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { exportOnnx, loadOnnx } from '../../src/index.js';
import { maxAbsDiff } from '../helpers/compare.js';
import { fixtureTensor } from '../helpers/fixtureTensor.js';
import { runOrt } from '../helpers/ort.js';

// PyTorch's ConvTranspose / InstanceNorm exports (data/convtranspose/make_fixtures.py): imported
// (a BatchNorm after a ConvTranspose folded), exported again, run in onnxruntime, compared with PyTorch's outputs (1e-4 absolute).
describe('PyTorch ConvTranspose and InstanceNorm exports, imported and exported', () => {
  it('the decoder imports as its layers, named by module', async () => {
    const g = await loadOnnx(fixturePath('convtranspose', 'decoder.onnx'));
    verifyGraph(g);
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'up1:ConvTranspose',
      'norm:InstanceNorm',
      'act:Relu',
      'up2:ConvTranspose',
    ]);
    expect(g.findNode('up2')?.attrs).toMatchObject({ output_padding: [1, 1], pads: [1, 1, 1, 1] });
  });

  it('a BatchNorm after a ConvTranspose folds into its weight and bias (PyTorch exports it unfolded)', async () => {
    const path = fixturePath('convtranspose', 'convtranspose2d_bn_relu.onnx');
    const unfused = await loadOnnx(path, { fuse: false });
    expect(unfused.nodes.map((n) => n.op)).toEqual(['ConvTranspose', 'BatchNorm', 'Relu']);
    const g = await loadOnnx(path);
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual(['0:ConvTranspose', '2:Relu']);
    const conv = g.nodes[0];
    expect(conv?.inputs[1]?.name).toBe('0.weight');
    expect(conv?.inputs[2]?.type.shape).toEqual([6]);
    expect(conv?.attrs).toMatchObject({ group: 2, output_padding: [1, 1] });
  });

  for (const name of CONVTRANSPOSE_FIXTURE_MODELS) {
    it(`${name}: the export runs in onnxruntime with PyTorch's numbers`, async () => {
      const path = fixturePath('convtranspose', `${name}.onnx`);
      const graph = await loadOnnx(path);
      const got = await runOrt(exportOnnx(graph), {
        x: fixtureTensor(fixturePath('convtranspose', `${name}.input.npy`)),
      });
      const expected = fixtureTensor(fixturePath('convtranspose', `${name}.output.npy`));
      expect(maxAbsDiff(got.y as Tensor, expected)).toBeLessThanOrEqual(1e-4);
    });
  }
});

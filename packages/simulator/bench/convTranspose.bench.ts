import { Graph, Tensor } from '@qtk/ir';
import { exportOnnx } from '@qtk/onnx';
import * as ort from 'onnxruntime-node';
import { bench, describe } from 'vitest';
import { runGraph } from '../src/index.js';
import { toOrtTensor } from '../test/support/tensorConversion.js';

// A decoder's upsampling ConvTranspose (1x64x64x64 -> 1x32x128x128, k 4, stride 2, pads 1:
// 134 M MACs) in the simulator and in onnxruntime-node (single thread), and the Conv of the same
// MACs the other way, to see that the transposed kernel costs what a convolution does.

const values = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

function single(op: 'Conv' | 'ConvTranspose', input: number[]): { graph: Graph; x: Tensor } {
  const g = new Graph(op);
  const x = g.addInput('x', { dtype: 'float32', shape: input });
  const w = g.addConstant('w', Tensor.float32([64, 32, 4, 4], values(64 * 32 * 16, Math.sin)));
  const attrs = { strides: [2, 2], pads: [1, 1, 1, 1] };
  g.setOutputs([g.addNode({ op, name: 'y', inputs: [x, w], attrs, outputs: ['y'] }).output()]);
  const size = input.reduce((a, b) => a * b, 1);
  return { graph: g, x: Tensor.float32(input, values(size, Math.cos)) };
}

const up = single('ConvTranspose', [1, 64, 64, 64]);
const down = single('Conv', [1, 32, 128, 128]);
const session = await ort.InferenceSession.create(exportOnnx(up.graph), { intraOpNumThreads: 1, interOpNumThreads: 1 });
const ortFeeds = { x: toOrtTensor(up.x) };

describe('decoder ConvTranspose 1x64x64x64 -> 1x32x128x128, k 4, s 2', () => {
  bench('@qtk/simulator ConvTranspose', () => {
    runGraph(up.graph, { x: up.x });
  });
  bench('@qtk/simulator Conv of the same MACs', () => {
    runGraph(down.graph, { x: down.x });
  });
  bench('onnxruntime-node ConvTranspose', async () => {
    await session.run(ortFeeds);
  });
});

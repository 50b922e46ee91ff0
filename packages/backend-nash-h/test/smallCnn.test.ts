import { backendRegistry, calibrateToQat } from '@qtk/backend';
import type { Tensor } from '@qtk/ir';
import { loadOnnx } from '@qtk/onnx';
import { calibration8bitWeight16bitActQconfigSetter, defaultCalibrationQconfigSetter } from '@qtk/qconfig';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import '@qtk/backend-nash-m';
import '../src/index.js';

function cosine(a: Tensor, b: Tensor): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.size; i++) {
    ab += (a.data[i] as number) * (b.data[i] as number);
    aa += (a.data[i] as number) ** 2;
    bb += (b.data[i] as number) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('small_cnn end to end on both backends', () => {
  for (const [preset, setter] of [
    ['int8', defaultCalibrationQconfigSetter],
    ['int16 activations', calibration8bitWeight16bitActQconfigSetter],
  ] as const) {
    it(`${preset}: every op converts to an integer op (no fallback), and the logits match PyTorch's`, async () => {
      const graph = await loadOnnx(fixturePath('small_cnn.onnx'), { evaluate: evaluateNode });
      const x = readFixtureTensor(fixturePath('small_cnn.input.npy'));
      const reference = readFixtureTensor(fixturePath('small_cnn.output.npy'));
      const input = graph.inputs[0]?.name as string;
      const { artifact } = calibrateToQat(graph, x, {
        march: 'nash-m',
        qconfigSetter: setter,
        samples: calibrationSamples('calib_img_1x3x32x32').map((s) => ({ [input]: s })),
        run: runGraph,
      });
      const fakeQuant = runGraph(artifact.graph, { [input]: x }).outputs;
      for (const [march, options] of [
        ['nash-m', {}],
        ['nash-h', {}],
        ['nash-h', { integerConv: true }],
      ] as const) {
        const q = backendRegistry.convert(artifact, march, options);
        expect(
          q.graph.nodes.filter((n) => n.annotations.fallback).map((n) => n.name),
          march,
        ).toEqual([]);
        const out = runGraph(q.graph, { [input]: x }).outputs;
        for (const o of q.graph.outputs) {
          const vsTorch = cosine(out[o.name] as Tensor, reference);
          const vsFake = cosine(out[o.name] as Tensor, fakeQuant[o.name] as Tensor);
          console.log(
            `small_cnn ${preset} on ${march} ${JSON.stringify(options)}: cosine ${vsTorch.toFixed(6)} vs PyTorch, ${vsFake.toFixed(6)} vs fake-quant`,
          );
          expect(vsFake).toBeGreaterThan(0.999);
          expect(vsTorch).toBeGreaterThan(0.99);
        }
      }
    }, 60_000);
  }
});

import { Graph, manualSeed, type Node, type Tensor } from '@qtk/ir';
import {
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  type QconfigSetter,
} from '@qtk/qconfig';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { lowerToInteger } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';
import { calibratedForToy, scaledRandn } from './support/toyCalibration.js';

/** x [2, 3, 6, 7] -> InstanceNorm (scale in [0.5, 1.5), B) -> y, calibrated with `setter`. */
function qatInstanceNorm(setter: QconfigSetter): Graph {
  manualSeed(21);
  const g = new Graph('norm');
  const x = g.addInput('x', { dtype: 'float32', shape: [2, 3, 6, 7] });
  const scale = scaledRandn([3], 0.3, 1);
  const norm = g.addNode({
    op: 'InstanceNorm',
    name: 'norm',
    inputs: [x, g.addConstant('norm.weight', scale), g.addConstant('norm.bias', scaledRandn([3], 0.5))],
    attrs: { epsilon: 1e-5 },
    outputs: ['y'],
  });
  g.setOutputs([norm.output()]);
  const samples = Array.from({ length: 8 }, (_, k) => ({ x: scaledRandn([2, 3, 6, 7], 1 + k, k - 4) }));
  return calibratedForToy(g, samples, setter);
}

describe('InstanceNorm lowered to qtk::InstanceNorm (int16 internals)', () => {
  for (const [preset, setter] of [
    ['int8', defaultCalibrationQconfigSetter],
    ['int16', calibration8bitWeight16bitActQconfigSetter],
  ] as const) {
    it(`${preset}: within 1 LSB of the fake-quant model on many random inputs `, () => {
      const qat = qatInstanceNorm(setter);
      const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy-npu');
      expect(warnings).toEqual([]);
      const norm = graph.findNode('norm') as Node;
      expect(norm.qualifiedOp).toBe('qtk::InstanceNorm');
      expect(norm.annotations.unit).toBe('vae');
      expect(norm.input(1).type).toEqual({ dtype: 'int16', shape: [3] });
      expect(norm.input(2).type).toEqual({ dtype: 'int32', shape: [3] });
      const sOut = (norm.attrs.output_scale as number[])[0] as number;
      let within = 0;
      let max = 0;
      let total = 0;
      for (let k = 0; k < 24; k++) {
        // shifted and scaled inputs: the statistics differ per image and channel
        const x = scaledRandn([2, 3, 6, 7], 0.5 + (k % 5), (k % 7) - 3);
        const ref = runGraph(qat, { x }).outputs.y as Tensor;
        const got = runGraph(graph, { x }).outputs.y as Tensor;
        for (let i = 0; i < ref.size; i++) {
          const d = Math.abs(Math.round((got.data[i] as number) / sOut) - Math.round((ref.data[i] as number) / sOut));
          max = Math.max(max, d);
          if (d <= 1) within++;
          total++;
        }
      }
      console.log(
        `${preset} InstanceNorm: ${((100 * within) / total).toFixed(3)}% within 1 LSB of the fake-quant model, max ${max} LSB`,
      );
      expect(max).toBeLessThanOrEqual(1);
    });
  }
});

import { Graph, manualSeed, type Node, randn, Tensor } from '@qtk/ir';
import { calibration8bitWeight16bitActQconfigSetter, defaultCalibrationQconfigSetter } from '@qtk/qconfig';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { calibrateToQat, lowerToInteger } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

/**
 * x -> HardSwish, LeakyRelu -> Max, Min -> Mean -> PRelu (per channel) -> (> 0) -> Where(mask, p,
 * Abs(p)) -> Elu -> Neg -> Cast(float32): the elementwise family in one model, as an export of
 * everyday activations might chain them.
 */
function model(): Graph {
  const g = new Graph('elementwise');
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 4, 6, 6] });
  const op = (name: string, type: string, inputs: Node['inputs'], attrs = {}) =>
    g.addNode({ op: type, name, inputs, attrs }).output();
  const a = op('hswish', 'HardSwish', [x]);
  const b = op('leaky', 'LeakyRelu', [x], { alpha: 0.1 });
  const m = op('max', 'Max', [a, b]);
  const n = op('min', 'Min', [a, b]);
  const s = op('mean', 'Mean', [m, n]);
  const p = op('prelu', 'PRelu', [s, g.addConstant('slope', Tensor.float32([4, 1, 1], [0.25, -0.5, 0.1, 2]))]);
  const mask = op('positive', 'Greater', [p, g.addConstant('zero', Tensor.float32([], [0]))]);
  const w = op('where', 'Where', [mask, p, op('abs', 'Abs', [p])]);
  const e = op('elu', 'Elu', [w]);
  g.setOutputs([op('cast', 'Cast', [op('neg', 'Neg', [e])], { to: 'float32' })]);
  return g;
}

const scaled = (t: Tensor<'float32'>, k: number) =>
  Tensor.float32(
    t.shape,
    t.data.map((v) => v * k),
  );

describe('the elementwise family through calibration and conversion', () => {
  for (const [preset, setter] of [
    ['int8', defaultCalibrationQconfigSetter],
    ['int16', calibration8bitWeight16bitActQconfigSetter],
  ] as const) {
    it(`${preset}: every op converts to integers and the model follows its fake-quant model`, () => {
      manualSeed(1);
      const samples = Array.from({ length: 4 }, () => ({ x: scaled(randn(1, 4, 6, 6), 3) }));
      const { artifact } = calibrateToQat(model(), [samples[0]?.x as Tensor], {
        march: 'toy',
        qconfigSetter: setter,
        samples,
        run: runGraph,
      });
      const { graph, warnings } = lowerToInteger(artifact.graph, toyPolicy, 'toy');
      expect(warnings).toEqual([]);
      const kind = (name: string) => graph.findNode(name)?.qualifiedOp;
      const table = preset === 'int8' ? 'qtk::Lut' : 'qtk::SegmentLut';
      expect([kind('hswish'), kind('leaky'), kind('elu')]).toEqual([table, table, table]);
      expect([kind('max'), kind('min'), kind('mean'), kind('prelu'), kind('abs'), kind('neg')]).toEqual([
        'qtk::Max',
        'qtk::Min',
        'qtk::Add',
        'qtk::PRelu',
        'qtk::Abs',
        'qtk::Neg',
      ]);
      expect([kind('positive'), kind('where'), kind('cast')]).toEqual(['Greater', 'Where', undefined]);
      // Nothing on the CPU (the toy backend quantizes and dequantizes on its vector unit).
      expect(graph.nodes.filter((n) => n.annotations.unit === 'cpu').map((n) => n.op)).toEqual([]);
      // A fresh input: the integer model against the fake-quant model, in LSB of the output.
      manualSeed(2);
      const feeds = { x: scaled(randn(1, 4, 6, 6), 3) };
      const ref = runGraph(artifact.graph, feeds).outputs.cast as Tensor;
      const got = runGraph(graph, feeds).outputs.cast as Tensor;
      // The output's scale: the fake quantization it comes from, back through DeQuantStub and Cast.
      let point = artifact.graph.outputs[0]?.producer as Node;
      while (point.op !== 'FakeQuantize') point = point.input(0).producer as Node;
      const s = point.attrs.scales as number[];
      let max = 0;
      for (let i = 0; i < ref.size; i++)
        max = Math.max(max, Math.abs((got.data[i] as number) - (ref.data[i] as number)) / (s[0] as number));
      console.log(`${preset}: the integer model within ${max.toFixed(2)} LSB of the fake-quant model`);
      // Measured: 2 LSB after eleven ops each within 1 LSB of its own fake quantization.
      expect(max).toBeLessThanOrEqual(3);
    });
  }
});

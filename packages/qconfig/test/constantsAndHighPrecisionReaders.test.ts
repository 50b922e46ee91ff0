import { cosineSimilarity, Graph, type Node, Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { defaultCalibrationQconfigSetter, prepare } from '../src/index.js';
import { calibrate, run } from './support/calibrate.js';

/** x [1, 4] -> Linear 4->4 -> Concat(token [1, 2], h) -> Linear 6->3: a class token joined to features. */
function concatWithConstant(token: readonly number[]): Graph {
  const g = new Graph('token');
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 4] });
  const c = (name: string, shape: number[], values: number[]) => g.addConstant(name, Tensor.float32(shape, values));
  const w1 = c('w1', [4, 4], [0.5, -0.2, 0.1, 0.3, 0.2, 0.4, -0.1, 0.1, -0.3, 0.1, 0.2, 0.2, 0.1, 0.1, 0.1, -0.4]);
  const h = g.addNode({ op: 'Linear', name: 'fc1', inputs: [x, w1, null] }).output();
  const t = c('token', [1, 2], [...token]);
  const cat = g.addNode({ op: 'Concat', name: 'cat', inputs: [t, h], attrs: { axis: 1 } }).output();
  const w2 = c(
    'w2',
    [3, 6],
    Array.from({ length: 18 }, (_, i) => ((i * 7) % 11) / 10 - 0.5),
  );
  g.setOutputs([g.addNode({ op: 'Linear', name: 'fc2', inputs: [cat, w2, null] }).output()]);
  return g;
}

const samples = Array.from({ length: 4 }, (_, k) =>
  Tensor.float32(
    [1, 4],
    [0, 1, 2, 3].map((i) => Math.sin(k + i) * 0.1),
  ),
);

describe('a Concat with a constant input (a class token)', () => {
  it('quantizes the constant at the shared scale, led by the activation, which never clips it', () => {
    // The token (up to 2) is far outside the activations (about 0.1): a clipping observer alone would cut it.
    const model = prepare(concatWithConstant([2, -1.5]), samples[0] as Tensor, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
    });
    const fq = model.graph.findNode('cat.const_fake_quant_0') as Node;
    expect(fq.op).toBe('FakeQuantize');
    const activation = model.graph.findNode('fc1.activation_post_process') as Node;
    // The activation's observer leads; the constant's point shares it.
    expect(fq.attrs.observer).toBe(activation.name);
    calibrate(model, samples);
    const scale = (fq.attrs.scales as number[])[0] as number;
    expect((activation.attrs.scales as number[])[0]).toBe(scale);
    // 2 / 127.5: the token is representable (no clipping), by hand.
    expect(scale).toBeCloseTo(2 / 127.5, 7);
    // The fake-quantized model keeps the token: the output stays close to the float model's.
    const x = samples[1] as Tensor;
    const float = Object.values(runGraph(concatWithConstant([2, -1.5]), { x }).outputs)[0] as Tensor;
    const fake = Object.values(run(model, x))[0] as Tensor;
    expect(cosineSimilarity(fake, float)).toBeGreaterThan(0.999);
  });
});

/** x -> Conv (a model output, and read by MaxPool) -> MaxPool -> Conv: FPN's shape. */
function gemmOutputReadByPassthrough(): Graph {
  const g = new Graph('fpn');
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 2, 4, 4] });
  const w = (name: string, o: number, i: number) =>
    g.addConstant(
      name,
      Tensor.float32(
        [o, i, 1, 1],
        Array.from({ length: o * i }, (_, k) => ((k * 5) % 7) / 7 - 0.4),
      ),
    );
  const p = g.addNode({ op: 'Conv', name: 'lateral', inputs: [x, w('w1', 3, 2), null] }).output();
  const m = g
    .addNode({ op: 'MaxPool', name: 'pool', inputs: [p], attrs: { kernel_shape: [2, 2], strides: [2, 2] } })
    .output();
  const q = g.addNode({ op: 'Conv', name: 'head', inputs: [m, w('w2', 2, 3), null] }).output();
  g.setOutputs([p, q]);
  return g;
}

describe('a passthrough op reading a GEMM output that is also a model output', () => {
  it('gets an input point (the GEMM output stays high-precision for the model output)', () => {
    const x = Tensor.float32(
      [1, 2, 4, 4],
      Array.from({ length: 32 }, (_, k) => Math.cos(k)),
    );
    const model = prepare(gemmOutputReadByPassthrough(), x, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
    });
    const lateral = model.graph.findNode('lateral') as Node;
    // The model output's stub reads the conv's own output: no point before it (high precision).
    const readers = lateral.output().uses.map((u) => u.node.op);
    expect(readers.sort()).toEqual(['DeQuantStub', 'FakeQuantize']);
    const point = model.graph.findNode('pool.input_fake_quant_0') as Node;
    expect(point.inputs[0]).toBe(lateral.output());
    expect(point.output().uses.map((u) => u.node.name)).toEqual(['pool']);
  });
});

import { Graph, manualSeed, randn, Tensor } from '@qtk/ir';
import { loadOnnx } from '@qtk/onnx';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import {
  buildQconfigTable,
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  FakeQuantState,
  prepare,
  setFakeQuantize,
} from '../src/index.js';
import { readerOps } from './support/readerOps.js';

const random = (shape: number[]) => Tensor.float32(shape, [...randn(...shape).data]);

/**
 * x [1, 4, 5, 5] -> up1 (ConvTranspose, group 2, stride 2, pads 1, output_padding 1) -> relu ->
 * norm (InstanceNorm) -> up2 (ConvTranspose) -> y: up1 has a fused ReLU, up2 is read only by the
 * model output.
 */
function decoder(): Graph {
  manualSeed(3);
  const g = new Graph('decoder');
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 4, 5, 5] });
  const up1 = g.addNode({
    op: 'ConvTranspose',
    name: 'up1',
    inputs: [x, g.addConstant('up1.weight', random([4, 3, 3, 3])), g.addConstant('up1.bias', random([6]))],
    attrs: { group: 2, strides: [2, 2], pads: [1, 1, 1, 1], output_padding: [1, 1] },
  });
  const relu = g.addNode({ op: 'Relu', name: 'relu', inputs: [up1.output()] });
  const norm = g.addNode({
    op: 'InstanceNorm',
    name: 'norm',
    inputs: [relu.output(), g.addConstant('norm.weight', random([6])), g.addConstant('norm.bias', random([6]))],
  });
  const up2 = g.addNode({
    op: 'ConvTranspose',
    name: 'up2',
    inputs: [norm.output(), g.addConstant('up2.weight', random([6, 2, 2, 2])), g.addConstant('up2.bias', random([2]))],
    attrs: { strides: [2, 2] },
    outputs: ['y'],
  });
  g.setOutputs([up2.output()]);
  return g;
}

describe('the qconfig table of a model with ConvTranspose', () => {
  it('per-channel int8 weights along axis 1, a fused ReLU, a high-precision output, as Conv', () => {
    const model = prepare(decoder(), random([1, 4, 5, 5]), {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
    });
    runGraph(model.graph, { x: random([1, 4, 5, 5]) }, { hooks: model.hooks });
    const table = buildQconfigTable(model);
    const row = (name: string) => table.ops.find((e) => e.name === name);
    const up1 = row('up1');
    expect(up1?.op).toBe('ConvTranspose');
    expect(up1?.inputs.map((i) => i.dtype)).toEqual(['qint8']);
    expect(up1?.output.dtype).toBe('qint8');
    // W [4, 3, 3, 3] with group 2: one scale per index of axis 1 (C_out / group = 3), each shared
    // by the matching output channel of both groups
    expect(up1?.weight?.dtype).toBe('qint8');
    expect(up1?.weight?.scale).toHaveLength(3);
    expect(up1?.rule).toContain('qint8 per-channel weights, fused with relu (Relu)');
    expect(model.graph.findNode('up1.weight_fake_quant')?.attrs.axis).toBe(1);
    expect(readerOps(model.graph, 'up1')).toEqual(['Relu']);
    const norm = row('norm');
    expect(norm?.output.dtype).toBe('qint8');
    expect(norm?.rule).toContain('int16 internals on the BPU');
    const up2 = row('up2');
    expect(up2?.output.dtype).toBeNull();
    expect(up2?.rule).toContain('high-precision output (a GEMM read only by model outputs)');
    expect(up2?.weight?.scale).toHaveLength(2);
    expect(table.warnings.filter((w) => w.op === 'up2').map((w) => w.kind)).toContain('high-precision-output');
  });

  it('a ConvTranspose output that is also read by another op stays high-precision and is re-quantized for it', () => {
    const g = decoder();
    const y = g.outputs[0];
    if (!y) throw new Error('no output');
    const twice = g.addNode({ op: 'Relu', name: 'after', inputs: [y], outputs: ['z'] });
    g.setOutputs([y, twice.output()]);
    const model = prepare(g, random([1, 4, 5, 5]), {
      march: 'nash-m',
      qconfigSetter: calibration8bitWeight16bitActQconfigSetter,
    });
    const up2 = buildQconfigTable(model).ops.find((e) => e.name === 'up2');
    expect(up2?.output.dtype).toBeNull();
    expect(up2?.rule).toContain('re-quantized for its other readers: after');
    expect(
      buildQconfigTable(model)
        .ops.find((e) => e.name === 'up1')
        ?.inputs.map((i) => i.dtype),
    ).toEqual(['qint16']);
  });

  it('prepare folds a BatchNorm after a ConvTranspose (groups 2) into it; the float forward matches PyTorch', async () => {
    const path = fixturePath('convtranspose', 'convtranspose2d_bn_relu.onnx');
    const graph = await loadOnnx(path, { fuse: false, evaluate: evaluateNode });
    expect(graph.nodes.map((n) => n.op)).toEqual(['ConvTranspose', 'BatchNorm', 'Relu']);
    const x = readFixtureTensor(fixturePath('convtranspose', 'convtranspose2d_bn_relu.input.npy'));
    const model = prepare(graph, x, { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter });
    expect(model.graph.nodes.filter((n) => n.op === 'BatchNorm')).toEqual([]);
    const table = buildQconfigTable(model);
    expect(table.ops.find((e) => e.op === 'ConvTranspose')?.rule).toContain('fused with');
    setFakeQuantize(model, FakeQuantState.CALIBRATION);
    const input = graph.inputs[0]?.name as string;
    const y = runGraph(model.graph, { [input]: x }, { hooks: model.hooks }).outputs.y as Tensor;
    const reference = readFixtureTensor(fixturePath('convtranspose', 'convtranspose2d_bn_relu.output.npy'));
    let max = 0;
    for (let i = 0; i < y.size; i++)
      max = Math.max(max, Math.abs((y.data[i] as number) - (reference.data[i] as number)));
    expect(max).toBeLessThanOrEqual(1e-4);
  });
});

import {
  BatchNorm2d,
  Conv2d,
  Graph,
  Module,
  manualSeed,
  ReLU,
  ReLU6,
  randn,
  type SymbolicTensor,
  Tensor,
  trace,
} from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import {
  buildQconfigTable,
  defaultCalibrationQconfigSetter,
  exportQat,
  FakeQuantState,
  prepare,
  setFakeQuantize,
} from '../src/index.js';

class ConvNet extends Module {
  conv1 = new Conv2d(3, 4, 3, { padding: 1 });
  bn1 = new BatchNorm2d(4);
  relu = new ReLU6();
  conv2 = new Conv2d(4, 4, 1);
  act2 = new ReLU();
  forward(x: SymbolicTensor) {
    const a = this.relu.call(this.bn1.call(this.conv1.call(x)));
    const b = this.act2.call(this.conv2.call(a));
    return a.add(b);
  }
}

describe('prepare', () => {
  it('folds BatchNorm, fuses ReLU/ReLU6 into the conv (one fake quant after the activation), shares Add input scales', () => {
    manualSeed(0);
    const x = randn(1, 3, 8, 8);
    const model = prepare(new ConvNet(), x, { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter });
    const ops = model.graph.nodes.map((n) => n.op);
    expect(ops).not.toContain('BatchNorm');
    // No fake quant between a conv and its activation.
    for (const conv of ['conv1', 'conv2']) {
      const readers = model.graph
        .findNode(conv)!
        .output()
        .uses.map((u) => u.node.op);
      expect(readers, conv).toEqual([conv === 'conv1' ? 'Clip' : 'Relu']);
    }
    const fqAfterRelu6 = model.graph.findNode('conv1.activation_post_process')!;
    expect(fqAfterRelu6.inputs[0]?.producer?.op).toBe('Clip');
    // The Add reads two activations: their fake quants share the first one's observer.
    const shared = model.graph.findNode('conv2.activation_post_process')!;
    expect(shared.attrs.observer).toBe('conv1.activation_post_process');
    expect(model.observers.has('conv2.activation_post_process')).toBe(false);
    const table = buildQconfigTable(model);
    expect(table.ops.find((e) => e.name === 'conv2')?.rule).toMatch(
      /quantized after act2; shares its scale with conv1.activation_post_process for add \(Add\)/,
    );
    // The input gets a QuantStub-like point since the model has no stubs.
    expect(model.graph.nodes[0]?.op).toBe('QuantStub');
  });

  it('checks example inputs against the graph', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 4] });
    const w = g.addConstant('w', Tensor.float32([2, 4], new Array(8).fill(0.1)));
    g.setOutputs([g.addNode({ op: 'Linear', name: 'fc', inputs: [x, w] }).output()]);
    expect(() =>
      prepare(g, Tensor.zeros('float32', [1, 5]), { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter }),
    ).toThrow("example input for 'x' is float32[1,5], the model expects float32[1,4]");
  });

  it('refuses validation before calibration, naming the point, and export before validation', () => {
    manualSeed(0);
    const x = randn(1, 3, 8, 8);
    const model = prepare(new ConvNet(), x, { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter });
    expect(() => exportQat(model)).toThrow(/switch the model to VALIDATION/);
    expect(() => setFakeQuantize(model, FakeQuantState.VALIDATION)).toThrow(
      /fake quantization 'quant.activation_post_process' has seen no data/,
    );
  });

  it('does not change the graph it was given', () => {
    manualSeed(0);
    const x = randn(1, 3, 8, 8);
    const g = trace(new ConvNet(), x);
    const before = g.nodes.map((n) => n.name).join();
    prepare(g, x, { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter });
    expect(g.nodes.map((n) => n.name).join()).toBe(before);
  });
});

import { decodeArtifact, encodeArtifact, Graph, QtkError, type Tensor, Tensor as TensorClass } from '@qtk/ir';
import { exportQdqOnnx, importOnnx, loadOnnx } from '@qtk/onnx';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import {
  buildQconfigTable,
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  exportQat,
  FakeQuantState,
  loadQat,
  prepare,
  preparedFromQdq,
  type QconfigTable,
  setFakeQuantize,
} from '../src/index.js';
import { calibrate } from './support/calibrate.js';

/**
 * A table without its rules (which say who decided), by op name: what quantization each op has.
 * (Graph order may differ between two valid orders, as where a DeQuantStub sits.)
 */
function quantization(t: QconfigTable) {
  return t.ops.map(({ rule: _rule, ...rest }) => rest).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function calibratedTwoOutputs(setter = defaultCalibrationQconfigSetter) {
  const graph = await loadOnnx(fixturePath('seed_two_outputs.onnx'), { evaluate: evaluateNode });
  const x = readFixtureTensor(fixturePath('seed_small.input.npy'));
  const model = prepare(graph, x, { march: 'nash-m', qconfigSetter: setter });
  calibrate(model, calibrationSamples('calib_seq_2x100x256').slice(0, 4));
  return { model, x };
}

describe('preparedFromQdq', () => {
  it("gives back qtk's own calibrated model from its QDQ export: same table, same simulated outputs bit for bit", async () => {
    for (const setter of [defaultCalibrationQconfigSetter, calibration8bitWeight16bitActQconfigSetter]) {
      const { model, x } = await calibratedTwoOutputs(setter);
      const back = preparedFromQdq(importOnnx(exportQdqOnnx(model.graph), { source: 'qdq.onnx' }), { march: 'nash-m' });
      expect(back.state).toBe(FakeQuantState.VALIDATION);
      // Case 2 of the article: linear2 high precision for the output y, linear3's input re-quantized.
      expect(quantization(buildQconfigTable(back)), setter.name).toEqual(quantization(buildQconfigTable(model)));
      const ours = runGraph(model.graph, { x }).outputs;
      const theirs = runGraph(back.graph, { x }).outputs;
      for (const name of ['z', 'y']) {
        const a = ours[name] as Tensor;
        const b = theirs[name] as Tensor;
        expect(Buffer.from(b.data.buffer).equals(Buffer.from(a.data.buffer)), `${setter.name}: ${name}`).toBe(true);
      }
    }
  });

  it('explains every op by the QDQ model, with the points prepare would have made', async () => {
    const { model } = await calibratedTwoOutputs();
    const back = preparedFromQdq(importOnnx(exportQdqOnnx(model.graph), { source: 'qdq.onnx' }), { march: 'nash-m' });
    const table = buildQconfigTable(back);
    expect(table.setters).toEqual(['qdq']);
    const rule = (name: string) => table.ops.find((e) => e.name === name)?.rule;
    expect(rule('quant')).toBe(
      "qdq: model input quantized qint8, scales from qdq.onnx's QuantizeLinear/DequantizeLinear",
    );
    expect(rule('dequant')).toBe('qdq: model output (dequantize)');
    expect(rule('linear1')).toBe(
      "qdq: output qint8, weight qint8 per channel, scales from qdq.onnx's QuantizeLinear/DequantizeLinear",
    );
    expect(rule('linear2')).toBe(
      "qdq: high-precision output (no QuantizeLinear after it), weight qint8 per channel, scales from qdq.onnx's QuantizeLinear/DequantizeLinear",
    );
    expect(rule('linear3')).toBe(
      "qdq: high-precision output (no QuantizeLinear after it), weight qint8 per channel, input 0 qint8, scales from qdq.onnx's QuantizeLinear/DequantizeLinear",
    );
    expect(rule('relu')).toBe("qdq: keeps its input's quantization");
    expect([...back.points].map(([name, p]) => `${name}:${p.role}:${p.op}`)).toEqual(
      [...model.points].map(([name, p]) => `${name}:${p.role}:${p.op}`).sort((a, b) => order(back, a) - order(back, b)),
    );
    // Per-channel weight scales are fixed-scale observers holding the list.
    const weight = back.observers.get('linear1.weight_fake_quant');
    expect(weight?.config.kind).toBe('fixed-scale');
    expect(weight?.scales('qint8')).toEqual(model.graph.findNode('linear1.weight_fake_quant')?.attrs.scales);
  });

  it('exports a QAT artifact that loads back exactly, and stays in VALIDATION without calibration data', async () => {
    const { model, x } = await calibratedTwoOutputs();
    const back = preparedFromQdq(importOnnx(exportQdqOnnx(model.graph)), { march: 'nash-h' });
    const artifact = exportQat(back, { source: 'qdq.onnx' });
    const loaded = loadQat(decodeArtifact(encodeArtifact(artifact)), 'qat.qtk');
    expect(loaded.march).toBe('nash-h');
    expect(buildQconfigTable(loaded)).toEqual(buildQconfigTable(back));
    for (const [id, o] of back.observers) expect(loaded.observers.get(id)?.state(), id).toEqual(o.state());
    const before = runGraph(back.graph, { x }).outputs.z as Tensor;
    // Fixed scales need no data: switching state keeps the file's scales.
    setFakeQuantize(loaded, FakeQuantState.VALIDATION);
    const after = runGraph(loaded.graph, { x }).outputs.z as Tensor;
    expect(Buffer.from(after.data.buffer).equals(Buffer.from(before.data.buffer))).toBe(true);
  });

  it('reads an activation fused into a GEMM (Conv, ReLU, then the Q/DQ pair) as prepare does', async () => {
    const graph = await loadOnnx(fixturePath('small_cnn.onnx'), { evaluate: evaluateNode });
    const x = readFixtureTensor(fixturePath('small_cnn.input.npy'));
    const model = prepare(graph, x, { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter });
    calibrate(model, calibrationSamples('calib_img_1x3x32x32').slice(0, 2));
    const back = preparedFromQdq(importOnnx(exportQdqOnnx(model.graph)), { march: 'nash-m' });
    expect([...back.fusions]).toEqual([...model.fusions]);
    expect(quantization(buildQconfigTable(back))).toEqual(quantization(buildQconfigTable(model)));
    const a = runGraph(model.graph, { x }).outputs.logits as Tensor;
    const b = runGraph(back.graph, { x }).outputs.logits as Tensor;
    expect(Buffer.from(b.data.buffer).equals(Buffer.from(a.data.buffer))).toBe(true);
  });

  it('refuses a float model, Q/DQ it cannot read as fake quantization, and uncalibrated points, naming them', async () => {
    const float = await loadOnnx(fixturePath('small_cnn.onnx'));
    expect(() => preparedFromQdq(float, { march: 'nash-m' })).toThrow(
      `${fixturePath('small_cnn.onnx')}: the model has no QuantizeLinear/DequantizeLinear: it is a float model, which prepare quantizes`,
    );
    const g = new Graph('q');
    const x = g.addInput('x', { dtype: 'float32', shape: [4] });
    const s = g.addConstant('s', TensorClass.float32([], [0.1]));
    const q = g.addNode({
      op: 'QuantizeLinear',
      name: 'q',
      inputs: [x, s, g.addConstant('z', TensorClass.zeros('int8', []))],
    });
    g.setOutputs([q.output()]);
    const error = (() => {
      try {
        preparedFromQdq(g, { march: 'nash-m', source: 'm.onnx' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(QtkError);
    expect((error as QtkError).message).toBe(
      "m.onnx: node 'q' (QuantizeLinear) is no QuantizeLinear/DequantizeLinear pair with constant scales; a QAT artifact states quantization as fake quantization only",
    );
    const u = new Graph('u');
    const y = u.addInput('y', { dtype: 'float32', shape: [4] });
    u.setOutputs([u.addNode({ op: 'FakeQuantize', name: 'fq', inputs: [y], attrs: { dtype: 'qint8' } }).output()]);
    expect(() => preparedFromQdq(u, { march: 'nash-m' })).toThrow("fake quantization 'fq' has no scale");
  });
});

/** Position of a point's node in the graph, to compare point lists in graph order. */
function order(model: { graph: Graph }, entry: string): number {
  const name = entry.split(':')[0] as string;
  return model.graph.nodes.findIndex((n) => n.name === name);
}

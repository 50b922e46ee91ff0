import { cosineSimilarity, decodeArtifact, encodeArtifact, manualSeed, type Tensor } from '@qtk/ir';
import { articleExampleInput, SmallModel } from '@qtk/ir/models';
import { loadOnnx } from '@qtk/onnx';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import {
  buildQconfigTable,
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  defaultQatQconfigSetter,
  exportQat,
  FakeQuantState,
  loadQat,
  prepare,
  setFakeQuantize,
} from '../src/index.js';
import { calibrate, run } from './support/calibrate.js';

const samples = calibrationSamples('calib_seq_2x100x256');
const reference = readFixtureTensor(fixturePath('seed_small.output.npy'));

function tsModel() {
  manualSeed(42);
  const x = articleExampleInput();
  return { x, model: new SmallModel() };
}

describe('calibration and validation of the article model', () => {
  it('calibrates every observer on 16 samples, fixes scales in VALIDATION, and stays close to float', () => {
    const { x, model } = tsModel();
    const prepared = prepare(model, x, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
      inputNames: ['x'],
      outputNames: ['z'],
    });
    calibrate(prepared, samples);
    for (const o of prepared.observers.values()) expect(o.batches === 16 || o.batches === 1).toBe(true);
    const table = buildQconfigTable(prepared);
    for (const e of table.ops) {
      if (e.output.dtype) expect(e.output.scale, e.name).not.toBeNull();
    }
    const z = run(prepared, x).z as Tensor;
    const c = cosineSimilarity(z, reference);
    // int8 activations, high-precision output: close to PyTorch's float output.
    expect(c, `cosine ${c}`).toBeGreaterThan(0.99);
    const c16 = (() => {
      const fresh = tsModel();
      const p16 = prepare(fresh.model, fresh.x, {
        march: 'nash-m',
        qconfigSetter: calibration8bitWeight16bitActQconfigSetter,
        inputNames: ['x'],
        outputNames: ['z'],
      });
      calibrate(p16, samples);
      return cosineSimilarity(run(p16, x).z as Tensor, reference);
    })();
    expect(c16, `int16 activations cosine ${c16} vs int8 ${c}`).toBeGreaterThan(c);
  });

  it('the TS-built and the imported model get the same qconfig dtypes', async () => {
    const { x, model } = tsModel();
    const ts = prepare(model, x, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
      inputNames: ['x'],
      outputNames: ['z'],
    });
    const graph = await loadOnnx(fixturePath('seed_small.onnx'), { evaluate: evaluateNode });
    const imported = prepare(graph, x, { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter });
    const dtypes = (t: ReturnType<typeof buildQconfigTable>) =>
      Object.fromEntries(
        t.ops
          .filter((e) => ['Linear', 'LayerNorm', 'Relu'].includes(e.op))
          .map((e) => [e.name, [e.inputs.map((i) => i.dtype), e.output.dtype, e.weight?.dtype ?? null]]),
      );
    expect(dtypes(buildQconfigTable(imported))).toEqual(dtypes(buildQconfigTable(ts)));
    calibrate(ts, samples.slice(0, 4));
    calibrate(imported, samples.slice(0, 4));
    // Same weights, same data: the same scales for every fake quantization point of the layers.
    for (const name of ['linear1', 'layernorm', 'linear2']) {
      const a = buildQconfigTable(ts).ops.find((e) => e.name === name);
      const b = buildQconfigTable(imported).ops.find((e) => e.name === name);
      expect(b?.output.scale, name).toEqual(a?.output.scale);
    }
  });

  it('observers of two halves of the data merge into the scales of one calibration over all of it', () => {
    const { x, model } = tsModel();
    const setter = defaultCalibrationQconfigSetter;
    const whole = prepare(model, x, { march: 'nash-m', qconfigSetter: setter, inputNames: ['x'], outputNames: ['z'] });
    const first = prepare(model, x, { march: 'nash-m', qconfigSetter: setter, inputNames: ['x'], outputNames: ['z'] });
    const second = prepare(model, x, { march: 'nash-m', qconfigSetter: setter, inputNames: ['x'], outputNames: ['z'] });
    calibrate(whole, samples.slice(0, 6));
    calibrate(first, samples.slice(0, 3));
    calibrate(second, samples.slice(3, 6));
    for (const [id, o] of first.observers) {
      const other = second.observers.get(id);
      if (o.batches > 1 && other) o.merge(other);
      expect(o.scales('qint8'), id).toEqual(whole.observers.get(id)?.scales('qint8'));
    }
  });

  it('QAT: observers keep observing and the forward pass is fake-quantized with the refreshed scales', () => {
    const { x, model } = tsModel();
    const qat = prepare(model, x, {
      march: 'nash-m',
      qconfigSetter: defaultQatQconfigSetter,
      inputNames: ['x'],
      outputNames: ['z'],
    });
    calibrate(qat, samples.slice(0, 2));
    const fq = qat.graph.findNode('linear1.activation_post_process')!;
    const before = [...(fq.attrs.scales as number[])];
    setFakeQuantize(qat, FakeQuantState.QAT);
    run(qat, readFixtureTensor(fixturePath('calib_seq_2x100x256', 'sample_010.npy')));
    expect(qat.observers.get('linear1.activation_post_process')?.batches).toBe(3);
    expect(fq.attrs.scales).not.toEqual(before);
  });

  it('counts saturations in validation and warns when a scale clips a large share of values', () => {
    const { x, model } = tsModel();
    const prepared = prepare(model, x, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
      inputNames: ['x'],
      outputNames: ['z'],
    });
    calibrate(prepared, samples.slice(0, 2));
    const big = x.clone();
    for (let i = 0; i < big.size; i++) big.data[i] = (big.data[i] as number) * 4;
    run(prepared, big);
    const warnings = buildQconfigTable(prepared).warnings.filter((w) => w.kind === 'saturation');
    expect(warnings.map((w) => w.op)).toContain('quant');
    expect(warnings.find((w) => w.op === 'quant')?.message).toMatch(
      /quant.activation_post_process: \d+\.\d\d% of values saturate/,
    );
  });
});

describe('the QAT artifact', () => {
  it('round-trips through .qtk bytes and runs to the same outputs, bit for bit', () => {
    const { x, model } = tsModel();
    const prepared = prepare(model, x, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
      inputNames: ['x'],
      outputNames: ['z'],
    });
    calibrate(prepared, samples.slice(0, 4));
    const artifact = exportQat(prepared, { producer: 'test' });
    expect(artifact.kind).toBe('qat');
    expect(artifact.metadata.march).toBe('nash-m');
    const back = loadQat(decodeArtifact(encodeArtifact(artifact)), 'qat.qtk');
    expect(back.state).toBe(FakeQuantState.VALIDATION);
    const a = runGraph(prepared.graph, { x }).outputs.z as Tensor;
    const b = runGraph(back.graph, { x }).outputs.z as Tensor;
    expect(Buffer.from(b.data.buffer).equals(Buffer.from(a.data.buffer))).toBe(true);
    expect(buildQconfigTable(back)).toEqual(buildQconfigTable(prepared));
    for (const [id, o] of prepared.observers) expect(back.observers.get(id)?.state(), id).toEqual(o.state());
  });

  it('refuses a float artifact and a QAT artifact without its sections, naming the file', () => {
    const { x, model } = tsModel();
    const prepared = prepare(model, x, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
      inputNames: ['x'],
    });
    calibrate(prepared, samples.slice(0, 1));
    const artifact = exportQat(prepared);
    expect(() => loadQat({ ...artifact, kind: 'float' }, 'm.qtk')).toThrow(
      'm.qtk: a float artifact is not a QAT artifact',
    );
    expect(() => loadQat({ ...artifact, sections: {} }, 'm.qtk')).toThrow(
      "m.qtk: QAT artifact has no 'qtk.observers' section",
    );
  });
});

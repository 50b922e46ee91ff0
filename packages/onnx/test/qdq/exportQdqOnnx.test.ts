import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Graph, quantizeTensor, quantParamsOf, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { exportQdqOnnx, importOnnx, saveQdqOnnx } from '../../src/index.js';
import { type DecodedModel, decodedObjectOptions } from '../../src/schema/DecodedModel.js';
import { ModelProtoMessage } from '../../src/schema/onnxSchema.js';
import { maxAbsDiff } from '../helpers/compare.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';
import { linearParameters, quantizedLinear, quantizedLinearReference, SCALES } from './qdqGraphs.js';

function decode(bytes: Uint8Array): DecodedModel {
  return ModelProtoMessage.toObject(ModelProtoMessage.decode(bytes), decodedObjectOptions) as unknown as DecodedModel;
}

function initializer(model: DecodedModel, name: string) {
  const t = model.graph?.initializer.find((i) => i.name === name);
  if (!t?.raw_data) throw new Error(`no initializer '${name}'`);
  return t;
}

const x3 = randomTensor(5, [2, 3, 4], 3);

describe('exportQdqOnnx', () => {
  it('writes FakeQuantize as QuantizeLinear + DequantizeLinear and weights as int8 initializers + DequantizeLinear', () => {
    const model = decode(exportQdqOnnx(quantizedLinear([2, 3, 4])));
    expect(model.opset_import).toEqual([{ version: '17' }]);
    expect(model.graph?.node.map((n) => `${n.name}:${n.op_type}(${n.input.join(',')})`)).toEqual([
      '/quant.activation_post_process/QuantizeLinear:QuantizeLinear(x,quant.activation_post_process.scale,quant.activation_post_process.zero_point)',
      '/quant.activation_post_process/DequantizeLinear:DequantizeLinear(quant.activation_post_process_quantized,quant.activation_post_process.scale,quant.activation_post_process.zero_point)',
      // The weight is quantized already transposed to [in, out] for MatMul: no Transpose between DQ and MatMul.
      '/fc.weight_fake_quant/DequantizeLinear:DequantizeLinear(fc.weight_quantized,fc.weight_fake_quant.scale,fc.weight_fake_quant.zero_point)',
      '/fc/MatMul:MatMul(quant.activation_post_process,fc.weight_fake_quant_transposed)',
      '/fc/Add:Add(/fc/MatMul_output_0,fc.bias)',
      '/fc.activation_post_process/QuantizeLinear:QuantizeLinear(fc,fc.activation_post_process.scale,fc.activation_post_process.zero_point)',
      '/fc.activation_post_process/DequantizeLinear:DequantizeLinear(y_quantized,fc.activation_post_process.scale,fc.activation_post_process.zero_point)',
    ]);
    const weightDq = model.graph?.node[2];
    expect(weightDq?.attribute.map((a) => [a.name, a.i])).toEqual([['axis', '1']]);
    // Per tensor: scalar float32 scale, scalar int8 zero point 0.
    const scale = initializer(model, 'quant.activation_post_process.scale');
    expect([scale.data_type, scale.dims, [...new Float32Array(scale.raw_data?.slice().buffer as ArrayBuffer)]]).toEqual(
      [1, [], [SCALES.x]],
    );
    const zero = initializer(model, 'quant.activation_post_process.zero_point');
    expect([zero.data_type, zero.dims, [...(zero.raw_data as Uint8Array)]]).toEqual([3, [], [0]]);
    // Per channel: [5] scales and zero points; the integers are round(W / s) transposed, W[o, k] at [k, o].
    expect(initializer(model, 'fc.weight_fake_quant.scale').dims).toEqual(['5']);
    const q = initializer(model, 'fc.weight_quantized');
    expect([q.data_type, q.dims]).toEqual([3, ['4', '5']]);
    const ints = new Int8Array(q.raw_data?.slice().buffer as ArrayBuffer);
    const { w } = linearParameters();
    for (let o = 0; o < 5; o++) {
      for (let k = 0; k < 4; k++) {
        expect(ints[k * 5 + o], `W[${o}, ${k}]`).toBe((w.data[o * 4 + k] as number) / (SCALES.w[o] as number));
      }
    }
    expect(model.graph?.initializer.map((i) => i.name)).not.toContain('fc.weight');
  });

  it('runs in onnxruntime to exactly the fake-quantized values (scales powers of two: no rounding anywhere else)', async () => {
    for (const shape of [
      [2, 3, 4],
      [6, 4],
    ]) {
      const x = randomTensor(7, shape, 3);
      const got = (await runOrt(exportQdqOnnx(quantizedLinear(shape)), { x })).y as Tensor;
      expect(maxAbsDiff(got, quantizedLinearReference(x)), `input ${shape}`).toBe(0);
    }
  });

  it('writes opset 21 when int16 appears, which onnxruntime runs, and refuses int16 at a lower opset', async () => {
    const g = quantizedLinear([2, 3, 4], 16);
    const bytes = exportQdqOnnx(g);
    const model = decode(bytes);
    expect(model.opset_import).toEqual([{ version: '21' }]);
    expect(model.ir_version).toBe('10');
    expect(initializer(model, 'fc.activation_post_process.zero_point').data_type).toBe(5);
    const got = (await runOrt(bytes, { x: x3 })).y as Tensor;
    expect(maxAbsDiff(got, quantizedLinearReference(x3, 16))).toBe(0);
    expect(() => exportQdqOnnx(g, { opset: 17 })).toThrow(
      "node 'quant.activation_post_process' (FakeQuantize) is qint16, which QuantizeLinear takes from opset 21; this export writes opset 17",
    );
    expect(decode(exportQdqOnnx(quantizedLinear([2, 3, 4]), { opset: 19 })).opset_import).toEqual([{ version: '19' }]);
  });

  it('refuses what QuantizeLinear cannot say, naming the node', () => {
    const fq = 'quant.activation_post_process';
    expect(() => exportQdqOnnx(quantizedLinear([6, 4], 8, { enabled: 0 }))).toThrow(
      `node '${fq}' (FakeQuantize) is disabled (calibration): a QDQ export needs fixed scales; switch the model to VALIDATION first`,
    );
    expect(() => exportQdqOnnx(quantizedLinear([6, 4], 8, { scales: [] }))).toThrow(
      `fake quantization '${fq}' has no scale: run calibration first`,
    );
    expect(() => exportQdqOnnx(quantizedLinear([6, 4], 8, { dtype: 'qint32' }))).toThrow(
      `node '${fq}' (FakeQuantize) quantizes to qint32, which QuantizeLinear cannot`,
    );
    const bpu = quantizedLinear([6, 4], 8, { rounding: 'bpu' });
    expect(() => exportQdqOnnx(bpu)).toThrow(
      `node '${fq}' (FakeQuantize) rounds as the BPU does (floor(x / scale + 0.5)); QuantizeLinear rounds half to even.`,
    );
    const asHalfToEven = decode(exportQdqOnnx(bpu, { bpuRounding: 'half-to-even' }));
    expect(asHalfToEven.graph?.node[0]?.op_type).toBe('QuantizeLinear');
    // A constant's integers are written as the BPU rounds them, floor(v + 0.5): the quotients 2.5, -1.5
    // and 0.5 give 3, -1 and 1, where half to even would give 2, -2 and 0.
    const c = new Graph('bpu-constant');
    const fqc = c.addNode({
      op: 'FakeQuantize',
      name: 'k',
      inputs: [c.addConstant('k', Tensor.float32([3], [1.25, -0.75, 0.25]))],
      attrs: { dtype: 'qint8', scales: [0.5], rounding: 'bpu' },
    });
    const y = c.addInput('y', { dtype: 'float32', shape: [3] });
    c.setOutputs([c.addNode({ op: 'Add', name: 'add', inputs: [y, fqc.output()] }).output()]);
    const integers = initializer(decode(exportQdqOnnx(c)), 'k_quantized').raw_data as Uint8Array;
    expect([...new Int8Array(integers.slice().buffer)]).toEqual([3, -1, 1]);
    const g = new Graph('f64');
    const x = g.addInput('x', { dtype: 'float64', shape: [3] });
    g.setOutputs([
      g.addNode({ op: 'FakeQuantize', name: 'fq', inputs: [x], attrs: { dtype: 'qint8', scales: [1] } }).output(),
    ]);
    expect(() => exportQdqOnnx(g)).toThrow("node 'fq' (FakeQuantize) reads float64; QuantizeLinear quantizes float32");
  });

  it('gives identical bytes for the same graph, and saveQdqOnnx writes exactly those bytes', async () => {
    const bytes = exportQdqOnnx(quantizedLinear([2, 3, 4], 16));
    expect(Buffer.from(exportQdqOnnx(quantizedLinear([2, 3, 4], 16))).equals(Buffer.from(bytes))).toBe(true);
    const path = join(mkdtempSync(join(tmpdir(), 'qtk-qdq-')), 'qdq.onnx');
    await saveQdqOnnx(path, quantizedLinear([2, 3, 4], 16));
    expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
  });

  it('imports back as the same FakeQuantize points (names, scales, exact weight integers) and runs the same', async () => {
    for (const bits of [8, 16] as const) {
      const original = quantizedLinear([2, 3, 4], bits);
      const bytes = exportQdqOnnx(original);
      const back = importOnnx(bytes);
      expect(back.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
        'quant.activation_post_process:FakeQuantize',
        'fc.weight_fake_quant:FakeQuantize',
        'fc:Linear',
        'fc.activation_post_process:FakeQuantize',
      ]);
      for (const n of original.nodes.filter((m) => m.op === 'FakeQuantize')) {
        const m = back.findNode(n.name);
        expect(m?.attrs, n.name).toEqual({
          dtype: n.attrs.dtype,
          scales: n.attrs.scales,
          ...(n.attrs.axis === undefined ? {} : { axis: 0 }),
        });
      }
      // The weight's FakeQuantize gives back exactly the integers in the file (here untransposed).
      const fq = back.findNode('fc.weight_fake_quant');
      if (!fq) throw new Error('no weight FakeQuantize');
      const integers = quantizeTensor(
        fq.input(0).constant as Tensor,
        quantParamsOf(fq, back.registry.attributesOf(fq)),
      );
      const written = initializer(decode(bytes), 'fc.weight_quantized');
      const transposedBack = new Int8Array(written.raw_data?.slice().buffer as ArrayBuffer);
      expect([...integers.data]).toEqual(
        Array.from({ length: 20 }, (_, i) => transposedBack[(i % 4) * 5 + Math.floor(i / 4)]),
      );
      const again = (await runOrt(exportQdqOnnx(back), { x: x3 })).y as Tensor;
      expect(maxAbsDiff(again, (await runOrt(bytes, { x: x3 })).y as Tensor), `${bits} bits`).toBe(0);
    }
  });
});

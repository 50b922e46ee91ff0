import { quantizeTensor, quantParamsOf, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { exportQdqOnnx, importOnnx } from '../../src/index.js';
import { maxAbsDiff } from '../helpers/compare.js';
import { importFailure } from '../helpers/importError.js';
import { attr, onnxModel, type TestModel, type TestNode } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';
import { linearParameters, SCALES } from './qdqGraphs.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const i8 = (shape: number[], values: number[]) => new Tensor('int8', shape, Int8Array.from(values));
const scalar = (v: number) => f32([], [v]);

/** Integers in [-127, 127] from a seed, for quantized weights. */
function weightIntegers(shape: number[], seed: number): Tensor<'int8'> {
  const r = randomTensor(seed, shape);
  return i8(
    shape,
    Array.from(r.data, (v) => Math.max(-127, Math.min(127, Math.round(v * 50)))),
  );
}

/**
 * A Conv as onnxruntime's quantization tool writes it (QDQ format, per-channel weights): initializers
 * `W_quantized` (int8) and `B_quantized` (int32, scale s_x * s_w), Q/DQ pairs around activations.
 * Scales are powers of two, so every value is exact in float32 and any two correct runtimes agree bit
 * for bit.
 */
function ortToolConv(): TestModel {
  const wScale = [2 ** -6, 2 ** -7, 2 ** -5];
  return {
    inputs: [{ name: 'x', shape: [1, 2, 5, 5] }],
    outputs: [{ name: 'y', shape: [1, 3, 5, 5] }],
    initializers: {
      x_scale: scalar(2 ** -4),
      x_zero_point: i8([], [0]),
      W_quantized: weightIntegers([3, 2, 3, 3], 3),
      W_scale: f32([3], wScale),
      W_zero_point: i8([3], [0, 0, 0]),
      B_quantized: new Tensor('int32', [3], Int32Array.of(100, -2000, 37)),
      B_scale: f32(
        [3],
        wScale.map((s) => s * 2 ** -4),
      ),
      y_scale: scalar(2 ** -2),
      y_zero_point: i8([], [0]),
    },
    nodes: [
      { op: 'QuantizeLinear', name: 'x_QuantizeLinear', inputs: ['x', 'x_scale', 'x_zero_point'], outputs: ['x_q'] },
      {
        op: 'DequantizeLinear',
        name: 'x_DequantizeLinear',
        inputs: ['x_q', 'x_scale', 'x_zero_point'],
        outputs: ['x_dq'],
      },
      {
        op: 'DequantizeLinear',
        name: 'W_DequantizeLinear',
        inputs: ['W_quantized', 'W_scale', 'W_zero_point'],
        outputs: ['W_dq'],
        attrs: [attr.int('axis', 0)],
      },
      {
        op: 'DequantizeLinear',
        name: 'B_DequantizeLinear',
        inputs: ['B_quantized', 'B_scale'],
        outputs: ['B_dq'],
        attrs: [attr.int('axis', 0)],
      },
      {
        op: 'Conv',
        name: 'conv',
        inputs: ['x_dq', 'W_dq', 'B_dq'],
        outputs: ['conv_out'],
        attrs: [attr.ints('pads', [1, 1, 1, 1])],
      },
      {
        op: 'QuantizeLinear',
        name: 'y_QuantizeLinear',
        inputs: ['conv_out', 'y_scale', 'y_zero_point'],
        outputs: ['y_q'],
      },
      {
        op: 'DequantizeLinear',
        name: 'y_DequantizeLinear',
        inputs: ['y_q', 'y_scale', 'y_zero_point'],
        outputs: ['y'],
      },
    ],
  };
}

/** Scale and zero point as PyTorch writes them: Constant nodes in the module's scope. */
function constants(scope: string, scale: Tensor, zero: Tensor): TestNode[] {
  return [
    {
      op: 'Constant',
      name: `${scope}/Constant`,
      inputs: [],
      outputs: [`${scope}/scale`],
      attrs: [attr.tensor('value', scale)],
    },
    {
      op: 'Constant',
      name: `${scope}/Constant_1`,
      inputs: [],
      outputs: [`${scope}/zero_point`],
      attrs: [attr.tensor('value', zero)],
    },
  ];
}

/** A PyTorch-style pair `<scope>/QuantizeLinear -> <scope>/DequantizeLinear` of `input` into `output`. */
function pair(scope: string, input: string, output: string, axis?: number): TestNode[] {
  const attrs = axis === undefined ? [] : [attr.int('axis', axis)];
  return [
    {
      op: 'QuantizeLinear',
      name: `${scope}/QuantizeLinear`,
      inputs: [input, `${scope}/scale`, `${scope}/zero_point`],
      outputs: [`${scope}/q`],
      attrs,
    },
    {
      op: 'DequantizeLinear',
      name: `${scope}/DequantizeLinear`,
      inputs: [`${scope}/q`, `${scope}/scale`, `${scope}/zero_point`],
      outputs: [output],
      attrs,
    },
  ];
}

/**
 * A fake-quantized `nn.Linear` on a 3-D input as `torch.onnx.export` writes it: the float weight
 * fake-quantized per output channel (Q/DQ on `[out, in]`, axis 0), then transposed for MatMul, then
 * the bias Add; activations fake-quantized per tensor.
 */
function pytorchLinear(): TestModel {
  const { w, b } = linearParameters();
  return {
    inputs: [{ name: 'x', shape: [2, 3, 4] }],
    outputs: [{ name: 'y', shape: [2, 3, 5] }],
    initializers: { 'fc.weight': w, 'fc.bias': b },
    nodes: [
      ...constants('/quant', scalar(SCALES.x), i8([], [0])),
      ...pair('/quant', 'x', 'x_dq'),
      ...constants('/fc/weight_fake_quant', f32([5], SCALES.w), i8([5], [0, 0, 0, 0, 0])),
      ...pair('/fc/weight_fake_quant', 'fc.weight', 'w_dq', 0),
      {
        op: 'Transpose',
        name: '/fc/Transpose',
        inputs: ['w_dq'],
        outputs: ['w_t'],
        attrs: [attr.ints('perm', [1, 0])],
      },
      { op: 'MatMul', name: '/fc/MatMul', inputs: ['x_dq', 'w_t'], outputs: ['mm'] },
      { op: 'Add', name: '/fc/Add', inputs: ['fc.bias', 'mm'], outputs: ['fc_out'] },
      ...constants('/fc/activation_post_process', scalar(SCALES.y), i8([], [0])),
      ...pair('/fc/activation_post_process', 'fc_out', 'y'),
    ],
  };
}

function importError(model: TestModel): string {
  const e = importFailure(model, 'q.onnx');
  expect(e.code).toBe('onnx.qdq');
  return e.message;
}

/** The ORT-tool Conv with the Q/DQ pair of `x` changed to `zero` (dtype and value) and DQ scale `dqScale`. */
function convWith(zero: Tensor, dqScale = 2 ** -4): TestModel {
  const m = ortToolConv();
  return {
    ...m,
    initializers: { ...m.initializers, x_zero_point: zero, dq_scale: scalar(dqScale) },
    nodes: m.nodes.map((n) =>
      n.name === 'x_DequantizeLinear' ? { ...n, inputs: ['x_q', 'dq_scale', 'x_zero_point'] } : n,
    ),
  };
}

describe('QDQ import', () => {
  it("reads onnxruntime's quantization tool format: Q/DQ pairs and int8 weights become FakeQuantize, int32 biases floats", async () => {
    const model = ortToolConv();
    const g = importOnnx(onnxModel(model));
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'x_DequantizeLinear:FakeQuantize',
      'W_DequantizeLinear:FakeQuantize',
      'conv:Conv',
      'y_DequantizeLinear:FakeQuantize',
    ]);
    expect(g.findNode('x_DequantizeLinear')?.attrs).toEqual({ dtype: 'qint8', scales: [2 ** -4] });
    const w = g.findNode('W_DequantizeLinear');
    if (!w) throw new Error('no weight point');
    expect(w.attrs).toEqual({ dtype: 'qint8', scales: [2 ** -6, 2 ** -7, 2 ** -5], axis: 0 });
    expect(w.input(0).name).toBe('W');
    const integers = model.initializers?.W_quantized as Tensor;
    expect([
      ...quantizeTensor(w.input(0).constant as Tensor, quantParamsOf(w, g.registry.attributesOf(w))).data,
    ]).toEqual([...integers.data]);
    // bias: int32 * (s_x * s_w[c]), in float32
    const bias = g.findNode('conv')?.inputs[2]?.constant;
    expect(bias?.dtype).toBe('float32');
    expect(bias?.toNumbers()).toEqual([100 * 2 ** -10, -2000 * 2 ** -11, 37 * 2 ** -9]);
    // Same outputs as the original model, through qtk's own QDQ export.
    const x = randomTensor(11, [1, 2, 5, 5], 4);
    const expected = (await runOrt(onnxModel(model), { x })).y as Tensor;
    expect(maxAbsDiff((await runOrt(exportQdqOnnx(g), { x })).y as Tensor, expected)).toBe(0);
  });

  it("reads PyTorch's export of a fake-quantized Linear: Constant scales, the weight's Q/DQ and Transpose, as Linear with a quantized weight", async () => {
    const model = pytorchLinear();
    const g = importOnnx(onnxModel(model));
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'quant:FakeQuantize',
      'fc/weight_fake_quant:FakeQuantize',
      'fc:Linear',
      'fc/activation_post_process:FakeQuantize',
    ]);
    const w = g.findNode('fc/weight_fake_quant');
    expect(w?.attrs).toEqual({ dtype: 'qint8', scales: SCALES.w, axis: 0 });
    expect(w?.input(0).name).toBe('fc.weight');
    expect(w?.input(0).constant?.toNumbers()).toEqual(linearParameters().w.toNumbers());
    expect(g.findNode('fc')?.input(1)).toBe(w?.output());
    const x = randomTensor(12, [2, 3, 4], 3);
    const expected = (await runOrt(onnxModel(model), { x })).y as Tensor;
    expect(maxAbsDiff((await runOrt(exportQdqOnnx(g), { x })).y as Tensor, expected)).toBe(0);
  });

  it("reads the tool's MatMul weight ([in, out], per channel on axis 1) as a Linear weight quantized on axis 0", async () => {
    const { w, b } = linearParameters();
    const integers = i8(
      [4, 5],
      Array.from(
        { length: 20 },
        (_, i) => (w.data[(i % 5) * 4 + Math.floor(i / 5)] as number) / (SCALES.w[i % 5] as number),
      ),
    );
    const model: TestModel = {
      inputs: [{ name: 'x', shape: [6, 4] }],
      outputs: [{ name: 'y', shape: [6, 5] }],
      initializers: {
        s: scalar(SCALES.x),
        z: i8([], [0]),
        W_quantized: integers,
        W_scale: f32([5], SCALES.w),
        W_zero_point: i8([5], [0, 0, 0, 0, 0]),
        bias: b,
      },
      nodes: [
        { op: 'QuantizeLinear', name: 'x_QuantizeLinear', inputs: ['x', 's', 'z'], outputs: ['x_q'] },
        { op: 'DequantizeLinear', name: 'x_DequantizeLinear', inputs: ['x_q', 's', 'z'], outputs: ['x_dq'] },
        {
          op: 'DequantizeLinear',
          name: 'W_DequantizeLinear',
          inputs: ['W_quantized', 'W_scale', 'W_zero_point'],
          outputs: ['W_dq'],
          attrs: [attr.int('axis', 1)],
        },
        { op: 'MatMul', name: 'matmul', inputs: ['x_dq', 'W_dq'], outputs: ['mm'] },
        { op: 'Add', name: 'add', inputs: ['mm', 'bias'], outputs: ['y'] },
      ],
    };
    const g = importOnnx(onnxModel(model));
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'x_DequantizeLinear:FakeQuantize',
      'W_DequantizeLinear:FakeQuantize',
      'add:Linear',
    ]);
    const fq = g.findNode('W_DequantizeLinear');
    expect(fq?.attrs).toEqual({ dtype: 'qint8', scales: SCALES.w, axis: 0 });
    expect(fq?.input(0).constant?.toNumbers()).toEqual(w.toNumbers());
    const x = randomTensor(13, [6, 4], 3);
    const expected = (await runOrt(onnxModel(model), { x })).y as Tensor;
    expect(maxAbsDiff((await runOrt(exportQdqOnnx(g), { x })).y as Tensor, expected)).toBe(0);
  });

  it('reads int16 pairs (opset 21) as qint16', () => {
    const m = pytorchLinear();
    const int16 = (t: Tensor) => new Tensor('int16', t.shape, Int16Array.from(t.data as Int8Array));
    const nodes = m.nodes.map((n) =>
      n.name === '/fc/activation_post_process/Constant_1'
        ? { ...n, attrs: [attr.tensor('value', int16(i8([], [0])))] }
        : n,
    );
    const g = importOnnx(onnxModel({ ...m, opset: 21, nodes }));
    expect(g.findNode('fc/activation_post_process')?.attrs).toEqual({ dtype: 'qint16', scales: [SCALES.y] });
  });

  it('refuses asymmetric quantization and pairs whose scales differ, naming the node', () => {
    expect(importError(convWith(new Tensor('uint8', [], Uint8Array.of(128))))).toBe(
      "q.onnx: node 'x_QuantizeLinear' (QuantizeLinear): quantizes to uint8; qtk reads quantization as Nash's symmetric int8 or int16 (zero point 0)",
    );
    expect(importError(convWith(i8([], [3])))).toBe(
      "q.onnx: node 'x_QuantizeLinear' (QuantizeLinear): zero point 3 is not 0; Nash quantization is symmetric",
    );
    expect(importError(convWith(i8([], [0]), 2 ** -3))).toBe(
      "q.onnx: node 'x_DequantizeLinear' (DequantizeLinear) reads node 'x_QuantizeLinear' (QuantizeLinear) with another scale or axis; qtk reads a Q/DQ pair as one fake quantization, which needs the same ones",
    );
    expect(importError(convWith(i8([], [0]), 0))).toBe(
      "q.onnx: node 'x_DequantizeLinear' (DequantizeLinear): scale 0 is not a positive finite number",
    );
    const m = ortToolConv();
    const asymmetricWeight = { ...m, initializers: { ...m.initializers, W_zero_point: i8([3], [0, 5, 0]) } };
    expect(importError(asymmetricWeight)).toBe(
      "q.onnx: node 'W_DequantizeLinear' (DequantizeLinear): zero point 5 (channel 1) is not 0; Nash quantization is symmetric",
    );
  });

  it('keeps Q/DQ nodes that are not fake quantization as QuantizeLinear/DequantizeLinear', () => {
    // The quantized tensor is also a model output; and a DQ whose scale is computed at run time.
    const m = ortToolConv();
    const g = importOnnx(
      onnxModel({
        ...m,
        inputs: [...m.inputs, { name: 'runtime_scale', shape: [] }],
        outputs: [
          ...m.outputs,
          { name: 'x_q', dtype: 'int8', shape: [1, 2, 5, 5] },
          { name: 'z', shape: [1, 2, 5, 5] },
        ],
        nodes: [...m.nodes, { op: 'DequantizeLinear', name: 'z_dq', inputs: ['x_q', 'runtime_scale'], outputs: ['z'] }],
      }),
    );
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'x_QuantizeLinear:QuantizeLinear',
      'x_DequantizeLinear:FakeQuantize',
      'W_DequantizeLinear:FakeQuantize',
      'conv:Conv',
      'y_DequantizeLinear:FakeQuantize',
      'z_dq:DequantizeLinear',
    ]);
    expect(g.outputs.map((v) => `${v.name}:${v.type.dtype}`)).toEqual(['y:float32', 'x_q:int8', 'z:float32']);
  });
});

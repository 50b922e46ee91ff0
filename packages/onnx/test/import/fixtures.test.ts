import { readFileSync } from 'node:fs';
import { formatGraph, type Graph, verifyGraph } from '@qtk/ir';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx, loadOnnx } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { fixtureTensor } from '../helpers/fixtureTensor.js';
import { runOrt } from '../helpers/ort.js';

const nodeList = (g: Graph) => g.nodes.map((n) => `${n.name}:${n.op}`);

describe('importing the PyTorch fixtures', () => {
  it('seed_small: the five layers of SmallModel, named by module, with metadata', async () => {
    const g = await loadOnnx(fixturePath('seed_small.onnx'));
    verifyGraph(g);
    expect(nodeList(g)).toEqual([
      'linear1:Linear',
      'layernorm:LayerNorm',
      'relu:Relu',
      'linear2:Linear',
      'linear3:Linear',
    ]);
    expect(g.inputs.map((v) => `${v.name}: ${v.type.shape.join('x')}`)).toEqual(['x: 2x100x256']);
    expect(g.outputs.map((v) => `${v.name}: ${v.type.shape.join('x')}`)).toEqual(['z: 2x100x60']);
    expect(g.metadata).toMatchObject({ opset: '17', producer: 'pytorch 1.13.0', format: 'onnx', ir_version: '8' });
    expect(g.metadata.source).toBe(fixturePath('seed_small.onnx'));
    // Weights [out, in] as in PyTorch's state dict, under its names; the layer norm's axis and eps.
    expect(g.findValue('linear2.weight')?.type.shape).toEqual([60, 256]);
    const ln = g.findNode('layernorm');
    expect(ln?.attrs).toEqual({ axis: -1, epsilon: Math.fround(1e-5) });
  });

  it('seed_two_outputs: y is both an output and linear3’s input', async () => {
    const g = await loadOnnx(fixturePath('seed_two_outputs.onnx'));
    expect(nodeList(g)).toEqual([
      'linear1:Linear',
      'layernorm:LayerNorm',
      'relu:Relu',
      'linear2:Linear',
      'linear3:Linear',
    ]);
    expect(g.outputs.map((v) => v.name)).toEqual(['z', 'y']);
    expect(g.findNode('linear3')?.inputs[0]?.name).toBe('y');
  });

  it('small_cnn: convs with their ReLUs, ReLU6 as Clip, pooling, flatten, Gemm restored to Linear', async () => {
    const g = await loadOnnx(fixturePath('small_cnn.onnx'));
    expect(nodeList(g)).toEqual([
      'body/body.0:Conv',
      'body/body.2:Relu',
      'body/body.3:Conv',
      'body/body.5:Relu',
      'body/body.6:Conv',
      'body/body.8:Clip',
      'body/body.9:GlobalAveragePool',
      'body/body.10:Flatten',
      'body/body.11:Linear',
    ]);
    expect(g.findNode('body/body.6')?.attrs.group).toBe(32);
    // The Constant nodes of the Clip bounds became constants 0 and 6.
    const clip = g.findNode('body/body.8');
    expect([clip?.inputs[1]?.constant?.data[0], clip?.inputs[2]?.constant?.data[0]]).toEqual([0, 6]);
    // Gemm with transB = 1 has its weight as Linear wants it: the initializer itself.
    expect(g.findNode('body/body.11')?.inputs[1]?.name).toBe('body.11.weight');
  });

  it('fuse: false gives the plain graph, with full scoped names where a scope has several nodes', async () => {
    const bytes = readFileSync(fixturePath('seed_small.onnx'));
    const g = importOnnx(bytes, { fuse: false });
    expect(nodeList(g)).toEqual([
      'linear1/MatMul:MatMul',
      'linear1/Add:Add',
      'layernorm:LayerNorm',
      'relu:Relu',
      'linear2/MatMul:MatMul',
      'linear2/Add:Add',
      'linear3/MatMul:MatMul',
      'linear3/Add:Add',
    ]);
  });
});

const FIXTURES = [
  { model: 'seed_small.onnx', input: 'seed_small.input.npy', outputs: { z: 'seed_small.output.npy' } },
  {
    model: 'seed_two_outputs.onnx',
    input: 'seed_small.input.npy',
    outputs: { z: 'seed_two_outputs.output_z.npy', y: 'seed_two_outputs.output_y.npy' },
  },
  { model: 'small_cnn.onnx', input: 'small_cnn.input.npy', outputs: { logits: 'small_cnn.output.npy' } },
];

describe.each(FIXTURES)('$model: import, export, run', ({ model, input, outputs }) => {
  const original = readFileSync(fixturePath(model));
  const feeds = { x: fixtureTensor(input) };

  it('the export of the fused graph gives PyTorch’s outputs in onnxruntime (within 1e-4)', async () => {
    const exported = exportOnnx(importOnnx(original, { source: model }));
    const got = await runOrt(exported, feeds);
    const reference = Object.fromEntries(Object.entries(outputs).map(([k, f]) => [k, fixtureTensor(f)]));
    const error = maxOutputDiff(reference, got);
    // Measured: 3.0e-7 (seed_small), 6.0e-7 (seed_two_outputs), 1.8e-7 (small_cnn): exactly what the
    // original models give in onnxruntime.
    expect(error).toBeLessThanOrEqual(1e-4);
  });

  it('the export of the fused graph agrees with the original model in onnxruntime', async () => {
    const exported = exportOnnx(importOnnx(original, { source: model }));
    const error = maxOutputDiff(await runOrt(original, feeds), await runOrt(exported, feeds));
    // Measured: 0 for all three (the same ONNX ops, an Add with its operands swapped).
    expect(error).toBeLessThanOrEqual(1e-6);
  });

  it('re-importing the export gives the same graph, and exporting twice the same bytes', () => {
    const imported = importOnnx(original, { source: model });
    const exported = exportOnnx(imported);
    const again = importOnnx(exported, { source: model });
    expect(formatGraph(again)).toBe(formatGraph(imported));
    expect(Buffer.from(exportOnnx(importOnnx(original, { source: model }))).equals(Buffer.from(exported))).toBe(true);
    expect(Buffer.from(exportOnnx(again)).equals(Buffer.from(exported))).toBe(true);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Attributes,
  coreOps,
  Graph,
  manualSeed,
  type OpDefinition,
  OpRegistry,
  type Shape,
  Tensor,
  trace,
  type Value,
} from '@qtk/ir';
import { articleExampleInput, SmallModel } from '@qtk/ir/models';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx, saveOnnx } from '../../src/index.js';
import { type DecodedModel, decodedObjectOptions } from '../../src/schema/DecodedModel.js';
import { ModelProtoMessage } from '../../src/schema/onnxSchema.js';
import { maxAbsDiff, maxOutputDiff } from '../helpers/compare.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

function decode(bytes: Uint8Array): DecodedModel {
  return ModelProtoMessage.toObject(ModelProtoMessage.decode(bytes), decodedObjectOptions) as unknown as DecodedModel;
}

/** A graph of one node over one float input. */
function single(op: string, shape: Shape, attrs: Attributes = {}, extra: (g: Graph) => (Value | null)[] = () => []) {
  const g = new Graph('single');
  const x = g.addInput('x', { dtype: 'float32', shape });
  const node = g.addNode({ op, name: op.toLowerCase(), inputs: [x, ...extra(g)], attrs });
  g.setOutputs([node.output()]);
  return g;
}

const ATTRIBUTE_TYPE = { 1: 'float', 2: 'int', 3: 'string', 7: 'ints' } as Record<number, string>;

describe('exportOnnx', () => {
  it('types attributes by the op definition (ints stay ints, floats floats) and writes PyTorch-style models', () => {
    const g = single('Conv', [1, 2, 5, 5], { pads: [1, 1, 1, 1], group: 1 }, (g) => [
      g.addConstant('w', randomTensor(1, [3, 2, 3, 3])),
    ]);
    const model = decode(exportOnnx(g));
    expect(model.ir_version).toBe('8');
    expect(model.opset_import).toEqual([{ version: '17' }]);
    expect(model.producer_name).toBe('qtk');
    const conv = model.graph?.node[0];
    expect(conv?.attribute.map((a) => [a.name, ATTRIBUTE_TYPE[a.type as number]])).toEqual([
      ['group', 'int'],
      ['pads', 'ints'],
    ]);
    const ln = decode(exportOnnx(single('LayerNorm', [2, 4], { axis: -1, epsilon: 1e-5 }))).graph?.node[0];
    expect(ln?.attribute.map((a) => [a.name, ATTRIBUTE_TYPE[a.type as number]])).toEqual([
      ['axis', 'int'],
      ['epsilon', 'float'],
    ]);
  });

  it('writes symbolic dims as dim_param and unknown ones as empty dims', () => {
    const model = decode(exportOnnx(single('Relu', ['batch', '?', 3])));
    expect(model.graph?.input[0]?.type?.tensor_type?.shape?.dim).toEqual([
      { dim_param: 'batch' },
      {},
      { dim_value: '3' },
    ]);
  });

  it('gives byte-identical files for the same graph, and saveOnnx writes exactly those bytes', async () => {
    const build = () => importOnnx(readFileSync(fixturePath('small_cnn.onnx')));
    const bytes = exportOnnx(build());
    expect(Buffer.from(exportOnnx(build())).equals(Buffer.from(bytes))).toBe(true);
    const path = join(mkdtempSync(join(tmpdir(), 'qtk-export-')), 'cnn.onnx');
    await saveOnnx(path, build());
    expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes stubs as Identity and Linear as PyTorch names its nodes (the traced article model)', () => {
    manualSeed(42);
    const x = articleExampleInput();
    const graph = trace(new SmallModel(), x, { inputNames: ['x'], outputNames: ['z'] });
    const model = decode(exportOnnx(graph));
    expect(model.graph?.node.map((n) => `${n.name}:${n.op_type}`)).toEqual([
      'quant:Identity',
      '/linear1/MatMul:MatMul',
      '/linear1/Add:Add',
      'layernorm:LayerNormalization',
      'relu:Relu',
      '/linear2/MatMul:MatMul',
      '/linear2/Add:Add',
      '/linear3/MatMul:MatMul',
      '/linear3/Add:Add',
      'dequant:Identity',
    ]);
  });

  it('writes opsets 17 to 21 that onnxruntime runs alike (ReduceMean axes, Split, Gelu move between them)', async () => {
    const g = new Graph('mixed');
    const x = g.addInput('x', { dtype: 'float32', shape: [2, 6] });
    const mean = g.addNode({ op: 'ReduceMean', name: 'mean', inputs: [x], attrs: { axes: [1], keepdims: 1 } });
    const centered = g.addNode({ op: 'Sub', name: 'sub', inputs: [x, mean.output()] });
    const gelu = g.addNode({ op: 'Gelu', name: 'gelu', inputs: [centered.output()], attrs: { approximate: 'none' } });
    const split = g.addNode({ op: 'Split', name: 'split', inputs: [gelu.output()], attrs: { axis: 1 }, outputs: 2 });
    g.setOutputs([...split.outputs]);
    const feeds = { x: randomTensor(3, [2, 6], 2) };
    const reference = await runOrt(exportOnnx(g), feeds);
    for (const opset of [18, 19, 20, 21]) {
      const bytes = exportOnnx(g, { opset });
      const ops = decode(bytes).graph?.node.map((n) => n.op_type);
      expect(ops?.includes('Gelu'), `opset ${opset}`).toBe(opset >= 20);
      // Measured: 0 at every opset (the Gelu op of 20 and 21 included).
      expect(maxOutputDiff(reference, await runOrt(bytes, feeds)), `opset ${opset}`).toBeLessThanOrEqual(1e-6);
    }
    expect(() => exportOnnx(g, { opset: 16 })).toThrow(
      'cannot write a float ONNX model with opset 16; qtk writes opsets 17 to 21',
    );
    expect(() => exportOnnx(g, { opset: 22 })).toThrow(/opsets 17 to 21/);
  });

  it('writes tanh-approximate Gelu that matches the formula computed here', async () => {
    const x = Tensor.float32([7], [-3, -1, -0.5, 0, 0.5, 1, 3]);
    const expected = Array.from(
      x.data,
      (v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3))),
    );
    for (const opset of [17, 20]) {
      const got = await runOrt(exportOnnx(single('Gelu', [7], { approximate: 'tanh' }), { opset }), { x });
      expect(maxAbsDiff(got.gelu as Tensor, Tensor.float32([7], expected)), `opset ${opset}`).toBeLessThanOrEqual(1e-6);
    }
  });

  it('writes Linear as Gemm on 2-D inputs, MatMul + Add otherwise, Transpose for a computed weight', async () => {
    const linear = (shape: Shape, constantWeight: boolean) => {
      const g = new Graph('linear');
      const x = g.addInput('x', { dtype: 'float32', shape });
      const w = constantWeight
        ? g.addConstant('fc.weight', randomTensor(4, [3, 5]))
        : g.addInput('w', { dtype: 'float32', shape: [3, 5] });
      const b = g.addConstant('fc.bias', randomTensor(5, [3]));
      g.setOutputs([g.addNode({ op: 'Linear', name: 'fc', inputs: [x, w, b] }).output()]);
      return g;
    };
    const names = (g: Graph) => decode(exportOnnx(g)).graph?.node.map((n) => n.op_type);
    expect(names(linear([4, 5], true))).toEqual(['Gemm']);
    expect(names(linear([2, 4, 5], true))).toEqual(['MatMul', 'Add']);
    expect(names(linear([2, 4, 5], false))).toEqual(['Transpose', 'MatMul', 'Add']);
    // y = x W^T + b, computed here for one row.
    const x = randomTensor(6, [2, 4, 5]);
    const w = randomTensor(7, [3, 5]);
    const g = linear([2, 4, 5], false);
    const y = (await runOrt(exportOnnx(g), { x, w })).fc as Tensor;
    const b = g.findValue('fc.bias')?.constant as Tensor;
    for (let o = 0; o < 3; o++) {
      let sum = Number(b.data[o]);
      for (let k = 0; k < 5; k++) sum += Number(x.data[k]) * Number(w.data[o * 5 + k]);
      expect(y.data[o]).toBeCloseTo(sum, 5);
    }
  });

  it('refuses ops it has no ONNX form for, naming the node', () => {
    const custom: OpDefinition = {
      op: 'Rescale',
      domain: 'qtk.nash',
      summary: 'test op',
      inputs: [{ name: 'x' }],
      outputs: [{ name: 'y' }],
      attributes: {},
      inferTypes: (ctx) => [ctx.requireInput(0)],
    };
    const g = new Graph('custom', new OpRegistry([...coreOps, custom]));
    const x = g.addInput('x', { dtype: 'float32', shape: [2] });
    g.setOutputs([g.addNode({ op: 'Rescale', domain: 'qtk.nash', name: 'rescale', inputs: [x] }).output()]);
    expect(() => exportOnnx(g)).toThrow(
      "graph 'custom': node 'rescale' (qtk.nash::Rescale) has no form in a float ONNX export",
    );
  });
});

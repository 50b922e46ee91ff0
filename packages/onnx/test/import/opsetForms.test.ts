import { type Graph, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { exportAgainstOriginal } from '../helpers/exportAgainstOriginal.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

const ops = (g: Graph) => g.nodes.map((n) => n.op);

/** onnxruntime on the original model (at its opset) against onnxruntime on qtk's opset-17 export. */
async function sameOutputs(model: TestModel, feeds: Record<string, Tensor>): Promise<Graph> {
  const { graph, differences } = await exportAgainstOriginal(model, feeds);
  expect(differences[0]).toBeLessThanOrEqual(1e-6);
  return graph;
}

describe('attributes older opsets had where the core op has inputs', () => {
  const x = randomTensor(1, [2, 1, 6], 3);

  it('opset 9: Clip min/max, Unsqueeze/Squeeze axes, Slice starts/ends/axes, Split sizes, ReduceMean axes', async () => {
    const graph = await sameOutputs(
      {
        opset: 9,
        inputs: [{ name: 'x', shape: [2, 1, 6] }],
        outputs: [{ name: 'clipped' }, { name: 'sliced' }, { name: 'p0' }, { name: 'p1' }, { name: 'mean' }],
        nodes: [
          { op: 'Clip', inputs: ['x'], outputs: ['clipped'], attrs: [attr.float('min', -0.5), attr.float('max', 1)] },
          { op: 'Squeeze', inputs: ['x'], outputs: ['s'], attrs: [attr.ints('axes', [1])] },
          { op: 'Unsqueeze', inputs: ['s'], outputs: ['u'], attrs: [attr.ints('axes', [0, 3])] },
          {
            op: 'Slice',
            inputs: ['u'],
            outputs: ['sliced'],
            attrs: [
              attr.ints('starts', [1, -4]),
              attr.int64s('ends', [2n ** 63n - 1n, -1n]),
              attr.ints('axes', [1, 2]),
            ],
          },
          {
            op: 'Split',
            inputs: ['s'],
            outputs: ['p0', 'p1'],
            attrs: [attr.int('axis', 1), attr.ints('split', [2, 4])],
          },
          {
            op: 'ReduceMean',
            inputs: ['x'],
            outputs: ['mean'],
            attrs: [attr.ints('axes', [2]), attr.int('keepdims', 0)],
          },
        ],
      },
      { x },
    );
    expect(ops(graph)).toEqual(['Clip', 'Squeeze', 'Unsqueeze', 'Slice', 'Split', 'ReduceMean']);
    // INT64_MAX in `ends` stays the largest int64, not a wrapped-around negative number.
    expect(graph.findNode('node3')?.inputs[2]?.constant?.data[0]).toBe(2n ** 63n - 1n);
  });

  it('opset 11: Clip bounds as inputs, Split sizes and Squeeze axes still attributes', async () => {
    const graph = await sameOutputs(
      {
        opset: 11,
        inputs: [{ name: 'x', shape: [2, 1, 6] }],
        outputs: [{ name: 'clipped' }, { name: 'p0' }, { name: 'p1' }],
        initializers: { lo: Tensor.float32([], [0]), hi: Tensor.float32([], [6]) },
        nodes: [
          { op: 'Clip', inputs: ['x', 'lo', 'hi'], outputs: ['clipped'] },
          { op: 'Squeeze', inputs: ['x'], outputs: ['s'], attrs: [attr.ints('axes', [-2])] },
          { op: 'Split', inputs: ['s'], outputs: ['p0', 'p1'], attrs: [attr.int('axis', -1)] },
        ],
      },
      { x },
    );
    expect(ops(graph)).toEqual(['Clip', 'Squeeze', 'Split']);
  });

  it('opset 11 Softmax flattens to 2-D at its axis (imported as Reshape, Softmax, Reshape)', async () => {
    const graph = await sameOutputs(
      {
        opset: 11,
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [{ name: 'y' }, { name: 'last' }],
        nodes: [
          { op: 'Softmax', name: 'sm', inputs: ['x'], outputs: ['y'], attrs: [attr.int('axis', 1)] },
          { op: 'Softmax', name: 'sm_last', inputs: ['x'], outputs: ['last'], attrs: [attr.int('axis', 2)] },
        ],
      },
      { x: randomTensor(2, [2, 3, 4], 2) },
    );
    expect(ops(graph)).toEqual(['Reshape', 'Softmax', 'Reshape', 'Softmax']);
  });

  it('opset 18: ReduceMean axes as an input, Split with num_outputs', async () => {
    const graph = await sameOutputs(
      {
        opset: 18,
        inputs: [{ name: 'x', shape: [2, 1, 6] }],
        outputs: [{ name: 'mean' }, { name: 'p0' }, { name: 'p1' }, { name: 'p2' }, { name: 'all' }],
        initializers: { axes: Tensor.int64([1], [-1]) },
        nodes: [
          { op: 'ReduceMean', inputs: ['x', 'axes'], outputs: ['mean'] },
          {
            op: 'Split',
            inputs: ['x'],
            outputs: ['p0', 'p1', 'p2'],
            attrs: [attr.int('axis', 2), attr.int('num_outputs', 3)],
          },
          { op: 'ReduceMean', inputs: ['x'], outputs: ['all'], attrs: [attr.int('keepdims', 0)] },
        ],
      },
      { x },
    );
    expect(graph.findNode('node0')?.attrs).toEqual({ axes: [-1] });
  });
});

describe('newer opsets', () => {
  it('opset 20: Gelu (both approximations) imports as Gelu; ReduceMean without axes may be a no-op', async () => {
    const graph = await sameOutputs(
      {
        opset: 20,
        inputs: [{ name: 'x', shape: [3, 5] }],
        outputs: [{ name: 'erf' }, { name: 'tanh' }, { name: 'same' }],
        nodes: [
          { op: 'Gelu', name: 'g1', inputs: ['x'], outputs: ['erf'] },
          { op: 'Gelu', name: 'g2', inputs: ['x'], outputs: ['tanh'], attrs: [attr.string('approximate', 'tanh')] },
          {
            op: 'ReduceMean',
            name: 'noop',
            inputs: ['x'],
            outputs: ['same'],
            attrs: [attr.int('noop_with_empty_axes', 1)],
          },
        ],
      },
      { x: randomTensor(8, [3, 5], 2) },
    );
    expect(graph.nodes.map((n) => `${n.name}:${n.op}:${JSON.stringify(n.attrs)}`)).toEqual([
      'g1:Gelu:{"approximate":"none"}',
      'g2:Gelu:{"approximate":"tanh"}',
      'noop:Identity:{}',
    ]);
  });
});

describe('graph inputs and dims', () => {
  it('inputs that are also initializers (old PyTorch exports) are constants, and fuse', async () => {
    const model: TestModel = {
      opset: 9,
      inputs: [
        { name: 'x', shape: [3, 4] },
        { name: 'fc.weight', shape: [5, 4] },
        { name: 'fc.bias', shape: [5] },
      ],
      outputs: [{ name: 'y' }],
      initializers: { 'fc.weight': randomTensor(3, [5, 4]), 'fc.bias': randomTensor(4, [5]) },
      nodes: [
        {
          op: 'Gemm',
          name: 'fc',
          inputs: ['x', 'fc.weight', 'fc.bias'],
          outputs: ['y'],
          attrs: [attr.int('transB', 1)],
        },
      ],
    };
    const graph = await sameOutputs(model, { x: randomTensor(5, [3, 4]) });
    expect(graph.inputs.map((v) => v.name)).toEqual(['x']);
    expect(ops(graph)).toEqual(['Linear']);
  });

  it('dim_param becomes a symbolic dim, and the export runs at any batch size', async () => {
    const model: TestModel = {
      inputs: [{ name: 'x', shape: ['batch', '?', 8] }],
      outputs: [{ name: 'y' }],
      initializers: { w: randomTensor(6, [8, 3]), b: randomTensor(7, [3]) },
      nodes: [
        { op: 'MatMul', name: '/fc/MatMul', inputs: ['x', 'w'], outputs: ['m'] },
        { op: 'Add', name: '/fc/Add', inputs: ['m', 'b'], outputs: ['y'] },
      ],
    };
    const graph = importOnnx(onnxModel(model));
    expect(graph.inputs[0]?.type.shape).toEqual(['batch', '?', 8]);
    expect(graph.outputs[0]?.type.shape).toEqual(['batch', '?', 3]);
    for (const [batch, length] of [
      [1, 2],
      [4, 7],
    ] as const) {
      const feeds = { x: randomTensor(batch, [batch, length, 8]) };
      const diff = maxOutputDiff(await runOrt(onnxModel(model), feeds), await runOrt(exportOnnx(graph), feeds));
      expect(diff).toBeLessThanOrEqual(1e-6);
    }
  });
});

import { Graph, type Node, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { type ConstantEvaluator, exportOnnx, foldConstants, importOnnx } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

const ops = (g: Graph) => g.nodes.map((n) => n.op);

describe('Constant nodes', () => {
  it('every value form becomes a constant of the right type, named as the output', () => {
    const forms = [
      attr.tensor('value', Tensor.float32([2, 2], [1, 2, 3, 4])),
      attr.float('value_float', 0.5),
      attr.floats('value_floats', [1, 2, 3]),
      attr.int('value_int', 7),
      attr.ints('value_ints', [4, 5]),
    ];
    const model: TestModel = {
      opset: 13,
      inputs: [],
      outputs: forms.map((_, i) => ({ name: `c${i}` })),
      nodes: forms.map((a, i) => ({ op: 'Constant', inputs: [], outputs: [`c${i}`], attrs: [a] })),
    };
    const g = importOnnx(onnxModel(model));
    expect(g.nodes).toEqual([]);
    const summary = g.outputs.map((v) => [v.name, v.constant?.dtype, v.constant?.shape, v.constant?.toNumbers()]);
    expect(summary).toEqual([
      ['c0', 'float32', [2, 2], [1, 2, 3, 4]],
      ['c1', 'float32', [], [0.5]],
      ['c2', 'float32', [3], [1, 2, 3]],
      ['c3', 'int64', [], [7]],
      ['c4', 'int64', [2], [4, 5]],
    ]);
  });
});

/** Reshape of x by a target computed from its shape, as PyTorch exports `x.view(-1, x.size(1))`. */
const viewModel: TestModel = {
  inputs: [{ name: 'x', shape: ['n', 4, 6] }],
  outputs: [{ name: 'y' }],
  initializers: { idx: Tensor.int64([], [1]), minusOne: Tensor.int64([1], [-1]), zero: Tensor.int64([1], [0]) },
  nodes: [
    { op: 'Shape', name: '/Shape', inputs: ['x'], outputs: ['s'] },
    { op: 'Gather', name: '/Gather', inputs: ['s', 'idx'], outputs: ['d1'] },
    { op: 'Unsqueeze', name: '/Unsqueeze', inputs: ['d1', 'zero'], outputs: ['d1v'] },
    { op: 'Identity', name: '/Identity', inputs: ['minusOne'], outputs: ['m1'] },
    { op: 'Concat', name: '/Concat', inputs: ['m1', 'd1v'], outputs: ['target'], attrs: [attr.int('axis', 0)] },
    { op: 'Reshape', name: '/Reshape', inputs: ['x', 'target'], outputs: ['y'] },
  ],
};

/** A hand-written evaluator for the int64 ops of the shape computation, recording its calls. */
function shapeEvaluator(calls: string[]): ConstantEvaluator {
  return (node: Node, inputs) => {
    calls.push(node.op);
    const [a, b] = inputs.map((t) => t?.toNumbers() ?? []);
    switch (node.op) {
      case 'Gather':
        return [Tensor.int64([], [(a as number[])[(b as number[])[0] as number] as number]).reshape([])];
      case 'Unsqueeze':
        return [Tensor.int64([1], a as number[])];
      case 'Concat':
        return [
          Tensor.int64(
            [inputs.length],
            inputs.flatMap((t) => t?.toNumbers() ?? []),
          ),
        ];
      default:
        throw new Error(`no kernel for ${node.op}`);
    }
  };
}

describe('foldConstants', () => {
  it('without an evaluator, folds Identity of a constant and Shape of static dims only', () => {
    const g = importOnnx(onnxModel({ ...viewModel, inputs: [{ name: 'x', shape: [2, 4, 6] }] }));
    expect(ops(g)).toEqual(['Gather', 'Unsqueeze', 'Concat', 'Reshape']);
    expect(g.findValue('s')?.constant?.toNumbers()).toEqual([2, 4, 6]);
    // The Identity went, its output name stays and holds the constant.
    expect(g.findValue('m1')?.constant?.toNumbers()).toEqual([-1]);
  });

  it('leaves Shape of a symbolic dim, but folds a Shape whose start/end select static dims', () => {
    expect(ops(importOnnx(onnxModel(viewModel)))).toEqual(['Shape', 'Gather', 'Unsqueeze', 'Concat', 'Reshape']);
    const sliced: TestModel = {
      ...viewModel,
      opset: 15,
      nodes: viewModel.nodes.map((n) => (n.op === 'Shape' ? { ...n, attrs: [attr.int('start', 1)] } : n)),
      initializers: { ...viewModel.initializers, idx: Tensor.int64([], [0]) },
    };
    const g = importOnnx(onnxModel(sliced));
    expect(g.findValue('s')?.constant?.toNumbers()).toEqual([4, 6]);
  });

  it('with an evaluator, folds the whole shape computation and the Reshape gets static dims', async () => {
    const calls: string[] = [];
    const bytes = onnxModel({ ...viewModel, inputs: [{ name: 'x', shape: [2, 4, 6] }] });
    const g = importOnnx(bytes, { evaluate: shapeEvaluator(calls) });
    expect(calls).toEqual(['Gather', 'Unsqueeze', 'Concat']);
    expect(ops(g)).toEqual(['Reshape']);
    expect(g.findValue('target')?.constant?.toNumbers()).toEqual([-1, 4]);
    expect(g.outputs[0]?.type.shape).toEqual([12, 4]);
    const feeds = { x: randomTensor(1, [2, 4, 6]) };
    expect(maxOutputDiff(await runOrt(bytes, feeds), await runOrt(exportOnnx(g), feeds))).toBe(0);
  });

  it('leaves nodes of ops the registry does not define (a backend not loaded) as they are', () => {
    const g = new Graph();
    const c = g.addConstant('c', Tensor.float32([2], [1, 2]));
    const type = { dtype: 'float32', shape: [2] } as const;
    const node = g.addNode({ op: 'Rescale', domain: 'qtk.nash', inputs: [c], outputTypes: [type] });
    g.setOutputs([node.output()]);
    expect(foldConstants(g, () => expect.fail('the evaluator must not be called'))).toBe(0);
    expect(ops(g)).toEqual(['Rescale']);
  });

  it('never folds QuantStub/DeQuantStub, nor nodes reading a graph input', () => {
    const calls: string[] = [];
    const g = importOnnx(onnxModel({ ...viewModel, inputs: [{ name: 'x', shape: [2, 4, 6] }] }), { fuse: false });
    const c = g.addConstant('k', Tensor.float32([2], [1, 2]));
    const stub = g.addNode({ op: 'QuantStub', inputs: [c] });
    g.setOutputs([...g.outputs, stub.output()]);
    expect(foldConstants(g, shapeEvaluator(calls))).toBe(3);
    expect(calls).toEqual(['Gather', 'Unsqueeze', 'Concat']);
    expect(ops(g)).toEqual(['Reshape', 'QuantStub']);
  });
});

import { type Graph, Tensor, verifyGraph } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { importOnnx } from '../../src/index.js';
import { exportAgainstOriginal } from '../helpers/exportAgainstOriginal.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { positiveTensor, randomTensor } from '../helpers/randomTensor.js';

const nodeList = (g: Graph) => g.nodes.map((n) => `${n.name}:${n.op}`);
const scalar = (v: number) => Tensor.float32([], [v]);

/**
 * Imports `model` with fusion, checks the nodes, then runs the original model and the export of
 * the fused graph in onnxruntime on the same inputs; returns their largest difference.
 */
async function fusedVersusOriginal(model: TestModel, feeds: Record<string, Tensor>, nodes: string[]): Promise<number> {
  const { graph, differences } = await exportAgainstOriginal(model, feeds);
  verifyGraph(graph);
  expect(nodeList(graph)).toEqual(nodes);
  return differences[0] as number;
}

describe('Linear from MatMul + Add, MatMul and Gemm', () => {
  const x = randomTensor(1, [2, 5, 8]);
  const w = randomTensor(2, [8, 6]);
  const b = randomTensor(3, [6]);

  it.each([
    ['bias first', ['b', '/fc/MatMul_output_0']],
    ['bias second', ['/fc/MatMul_output_0', 'b']],
  ])('MatMul + Add (%s) becomes Linear with the weight transposed to [out, in]', async (_, addInputs) => {
    const model: TestModel = {
      inputs: [{ name: 'x', shape: [2, 5, 8] }],
      outputs: [{ name: 'y' }],
      initializers: { w, b },
      nodes: [
        { op: 'MatMul', name: '/fc/MatMul', inputs: ['x', 'w'], outputs: ['/fc/MatMul_output_0'] },
        { op: 'Add', name: '/fc/Add', inputs: addInputs as string[], outputs: ['y'] },
      ],
    };
    const error = await fusedVersusOriginal(model, { x }, ['fc:Linear']);
    expect(error).toBeLessThanOrEqual(1e-6); // measured: 0
    const weight = importOnnx(onnxModel(model)).findValue('fc.weight')?.constant as Tensor;
    expect(weight.shape).toEqual([6, 8]);
    expect(weight.data[1 * 8 + 3]).toBe(w.data[3 * 6 + 1]); // W^T[1][3] = W[3][1]
  });

  it('a bare MatMul with a constant weight becomes a bias-less Linear; one with a computed weight stays', async () => {
    const model: TestModel = {
      inputs: [
        { name: 'x', shape: [2, 5, 8] },
        { name: 'v', shape: [6, 3] },
      ],
      outputs: [{ name: 'y' }],
      initializers: { w },
      nodes: [
        { op: 'MatMul', name: '/proj/MatMul', inputs: ['x', 'w'], outputs: ['h'] },
        { op: 'MatMul', name: '/mix/MatMul', inputs: ['h', 'v'], outputs: ['y'] },
      ],
    };
    const v = randomTensor(4, [6, 3]);
    const error = await fusedVersusOriginal(model, { x, v }, ['proj:Linear', 'mix:MatMul']);
    expect(error).toBeLessThanOrEqual(1e-6); // measured: 0
    expect(importOnnx(onnxModel(model)).findNode('proj')?.inputs[2] ?? null).toBeNull();
  });

  const x2 = randomTensor(5, [4, 8]);
  it.each([
    ['transB = 1, C [out]', 1, { c: b }],
    ['transB = 0, C [1, out]', 0, { c: b.reshape([1, 6]) }],
    ['transB = 0, one-element C', 0, { c: scalar(0.25) }],
    ['transB = 1, no C', 1, {}],
  ] as const)('Gemm (%s) becomes Linear', async (_, transB, extra) => {
    const weight = transB ? randomTensor(6, [6, 8]) : w;
    const model: TestModel = {
      inputs: [{ name: 'x', shape: [4, 8] }],
      outputs: [{ name: 'y' }],
      initializers: { w: weight, ...extra },
      nodes: [
        {
          op: 'Gemm',
          name: '/head/Gemm',
          inputs: ['x', 'w', ...Object.keys(extra)],
          outputs: ['y'],
          attrs: [attr.int('transB', transB)],
        },
      ],
    };
    const error = await fusedVersusOriginal(model, { x: x2 }, ['head:Linear']);
    expect(error).toBeLessThanOrEqual(1e-6); // measured: 0
  });

  it('a Gemm with alpha != 1 or a transposed A stays a Gemm', () => {
    for (const attrs of [[attr.float('alpha', 0.5)], [attr.int('transA', 1)]]) {
      const model = onnxModel({
        inputs: [{ name: 'x', shape: [8, 8] }],
        outputs: [{ name: 'y' }],
        initializers: { w: randomTensor(7, [8, 6]) },
        nodes: [{ op: 'Gemm', name: '/head/Gemm', inputs: ['x', 'w'], outputs: ['y'], attrs }],
      });
      expect(nodeList(importOnnx(model))).toEqual(['head:Gemm']);
    }
  });
});

describe('Conv followed by BatchNormalization', () => {
  it.each([
    ['groups 2, conv bias, stride 2', 2, true],
    ['depthwise, no conv bias', 4, false],
  ])('folds into the Conv (%s)', async (_, group, hasBias) => {
    const outChannels = group === 4 ? 4 : 6;
    const model: TestModel = {
      opset: 13,
      inputs: [{ name: 'x', shape: [1, 4, 9, 9] }],
      outputs: [{ name: 'y' }],
      initializers: {
        w: randomTensor(10, [outChannels, 4 / group, 3, 3], 0.5),
        ...(hasBias ? { cb: randomTensor(11, [outChannels]) } : {}),
        scale: randomTensor(12, [outChannels]),
        shift: randomTensor(13, [outChannels]),
        mean: randomTensor(14, [outChannels]),
        var: positiveTensor(15, [outChannels]),
      },
      nodes: [
        {
          op: 'Conv',
          name: '/features/features.0/Conv',
          inputs: ['x', 'w', ...(hasBias ? ['cb'] : [])],
          outputs: ['c'],
          attrs: [attr.int('group', group), attr.ints('pads', [1, 1, 1, 1]), attr.ints('strides', [2, 2])],
        },
        {
          op: 'BatchNormalization',
          name: '/features/features.1/BatchNormalization',
          inputs: ['c', 'scale', 'shift', 'mean', 'var'],
          outputs: ['y'],
          attrs: [attr.float('epsilon', 1e-3)],
        },
      ],
    };
    const error = await fusedVersusOriginal(model, { x: randomTensor(16, [1, 4, 9, 9]) }, ['features:Conv']);
    expect(error).toBeLessThanOrEqual(1e-5); // measured: 9.5e-7 and 4.8e-7 (float32 rounding of the folded weights)
  });
});

/** PyTorch's opset-13 export of nn.LayerNorm over the last `k` dims of x. */
function layerNormModel(shape: number[], k: number, affine: 'both' | 'scale' | 'none'): TestModel {
  const normalized = shape.slice(-k);
  const axes = normalized.map((_, i) => i - k);
  const last = affine === 'none' ? 'y' : '/ln/Div_output_0';
  return {
    opset: 13,
    inputs: [{ name: 'x', shape }],
    outputs: [{ name: 'y' }],
    initializers: {
      two: scalar(2),
      eps: scalar(1e-5),
      ...(affine !== 'none' ? { gamma: randomTensor(20, normalized) } : {}),
      ...(affine === 'both' ? { beta: randomTensor(21, normalized) } : {}),
    },
    nodes: [
      { op: 'ReduceMean', name: '/ln/ReduceMean', inputs: ['x'], outputs: ['m'], attrs: [attr.ints('axes', axes)] },
      { op: 'Sub', name: '/ln/Sub', inputs: ['x', 'm'], outputs: ['d'] },
      { op: 'Pow', name: '/ln/Pow', inputs: ['d', 'two'], outputs: ['p'] },
      { op: 'ReduceMean', name: '/ln/ReduceMean_1', inputs: ['p'], outputs: ['v'], attrs: [attr.ints('axes', axes)] },
      { op: 'Add', name: '/ln/Add', inputs: ['v', 'eps'], outputs: ['ve'] },
      { op: 'Sqrt', name: '/ln/Sqrt', inputs: ['ve'], outputs: ['s'] },
      { op: 'Div', name: '/ln/Div', inputs: ['d', 's'], outputs: [last] },
      ...(affine === 'none'
        ? []
        : [{ op: 'Mul', name: '/ln/Mul', inputs: [last, 'gamma'], outputs: [affine === 'scale' ? 'y' : 'g'] }]),
      ...(affine === 'both' ? [{ op: 'Add', name: '/ln/Add_1', inputs: ['g', 'beta'], outputs: ['y'] }] : []),
    ],
  };
}

describe('the opset-13 LayerNorm decomposition', () => {
  it.each([
    ['last dim, affine', [2, 5, 16], 1, 'both'],
    ['last two dims, affine', [2, 5, 16], 2, 'both'],
    ['last dim, scale only', [3, 16], 1, 'scale'],
    ['last dim, no affine', [3, 16], 1, 'none'],
  ] as const)('becomes LayerNorm (%s)', async (_, shape, k, affine) => {
    const model = layerNormModel([...shape], k, affine);
    const x = randomTensor(22, [...shape], 3);
    const error = await fusedVersusOriginal(model, { x }, ['ln:LayerNorm']);
    expect(error).toBeLessThanOrEqual(1e-5); // measured: 0 to 4.8e-7
    const ln = importOnnx(onnxModel(model)).findNode('ln');
    expect(ln?.attrs).toEqual({ axis: -k, epsilon: Math.fround(1e-5) });
    expect(ln?.inputs.length).toBe(affine === 'both' ? 3 : affine === 'scale' ? 2 : 1);
  });

  it('is left alone when it does not compute a layer norm (mean over a leading dim)', () => {
    const model = layerNormModel([4, 16], 1, 'both');
    for (const n of model.nodes) if (n.op === 'ReduceMean') n.attrs = [attr.ints('axes', [0])];
    expect(importOnnx(onnxModel(model)).nodes.map((n) => n.op)).not.toContain('LayerNorm');
  });
});

/** GELU's erf form in one of the orders PyTorch emits. */
function geluModel(halfFirst: boolean, scaleOp: 'Div' | 'Mul'): TestModel {
  const k = scaleOp === 'Div' ? Math.SQRT2 : Math.SQRT1_2;
  const nodes = [
    { op: scaleOp, name: `/act/${scaleOp}_2`, inputs: ['x', 'k'], outputs: ['a'] },
    { op: 'Erf', name: '/act/Erf', inputs: ['a'], outputs: ['e'] },
    { op: 'Add', name: '/act/Add', inputs: ['e', 'one'], outputs: ['g'] },
    ...(halfFirst
      ? [
          { op: 'Mul', name: '/act/Mul', inputs: ['x', 'half'], outputs: ['h'] },
          { op: 'Mul', name: '/act/Mul_1', inputs: ['h', 'g'], outputs: ['y'] },
        ]
      : [
          { op: 'Mul', name: '/act/Mul', inputs: ['x', 'g'], outputs: ['h'] },
          { op: 'Mul', name: '/act/Mul_1', inputs: ['h', 'half'], outputs: ['y'] },
        ]),
  ];
  return {
    opset: 13,
    inputs: [{ name: 'x', shape: [3, 7] }],
    outputs: [{ name: 'y' }],
    initializers: { k: scalar(k), one: scalar(1), half: scalar(0.5) },
    nodes,
  };
}

describe('the erf form of GELU', () => {
  it.each([
    ['0.5 last, Div by sqrt 2', false, 'Div'],
    ['0.5 first, Div by sqrt 2', true, 'Div'],
    ['0.5 last, Mul by 1/sqrt 2', false, 'Mul'],
    ['0.5 first, Mul by 1/sqrt 2', true, 'Mul'],
  ] as const)('becomes Gelu (%s)', async (_, halfFirst, scaleOp) => {
    const x = randomTensor(30, [3, 7], 2);
    const error = await fusedVersusOriginal(geluModel(halfFirst, scaleOp), { x }, ['act:Gelu']);
    expect(error).toBeLessThanOrEqual(1e-6); // measured: 0
  });

  it('is left alone when a constant is off (not GELU)', () => {
    const model = geluModel(false, 'Div');
    model.initializers = { ...model.initializers, half: scalar(0.25) };
    expect(importOnnx(onnxModel(model)).nodes.map((n) => n.op)).not.toContain('Gelu');
  });
});

describe('a transformer MLP block', () => {
  it('MatMul + Add, GELU, MatMul + Add become Linear, Gelu, Linear', async () => {
    const model: TestModel = {
      opset: 14,
      inputs: [{ name: 'x', shape: [2, 4, 8] }],
      outputs: [{ name: 'y' }],
      initializers: {
        w1: randomTensor(40, [8, 16]),
        b1: randomTensor(41, [16]),
        w2: randomTensor(42, [16, 8]),
        b2: randomTensor(43, [8]),
        k: scalar(Math.SQRT2),
        one: scalar(1),
        half: scalar(0.5),
      },
      nodes: [
        { op: 'MatMul', name: '/mlp/fc1/MatMul', inputs: ['x', 'w1'], outputs: ['m1'] },
        { op: 'Add', name: '/mlp/fc1/Add', inputs: ['b1', 'm1'], outputs: ['h'] },
        { op: 'Div', name: '/mlp/act/Div', inputs: ['h', 'k'], outputs: ['a'] },
        { op: 'Erf', name: '/mlp/act/Erf', inputs: ['a'], outputs: ['e'] },
        { op: 'Add', name: '/mlp/act/Add', inputs: ['e', 'one'], outputs: ['g'] },
        { op: 'Mul', name: '/mlp/act/Mul', inputs: ['h', 'g'], outputs: ['hg'] },
        { op: 'Mul', name: '/mlp/act/Mul_1', inputs: ['hg', 'half'], outputs: ['act'] },
        { op: 'MatMul', name: '/mlp/fc2/MatMul', inputs: ['act', 'w2'], outputs: ['m2'] },
        { op: 'Add', name: '/mlp/fc2/Add', inputs: ['b2', 'm2'], outputs: ['y'] },
      ],
    };
    const error = await fusedVersusOriginal(model, { x: randomTensor(44, [2, 4, 8]) }, [
      'mlp/fc1:Linear',
      'mlp/act:Gelu',
      'mlp/fc2:Linear',
    ]);
    expect(error).toBeLessThanOrEqual(1e-6); // measured: 0
  });
});

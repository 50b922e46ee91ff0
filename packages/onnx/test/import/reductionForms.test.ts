import { type Graph, type Node, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { transposeMatrix } from '../../src/fuse/transposeMatrix.js';
import { exportOnnx, importOnnx } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { exportAgainstOriginal } from '../helpers/exportAgainstOriginal.js';
import { importError } from '../helpers/importError.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

const ops = (g: Graph) => g.nodes.map((n) => n.op);

/**
 * onnxruntime on the original model (at its opset) against onnxruntime on qtk's export at each of
 * `exportOpsets`; returns the imported graph.
 */
async function sameOutputs(
  model: TestModel,
  feeds: Record<string, Tensor>,
  exportOpsets: readonly number[] = [17],
): Promise<Graph> {
  const { graph, differences } = await exportAgainstOriginal(model, feeds, exportOpsets);
  differences.forEach((d, i) => {
    expect(d, `opset ${exportOpsets[i]}`).toBeLessThan(1e-5);
  });
  return graph;
}

const x = randomTensor(1, [2, 3, 4]);
const axes = (...values: number[]) => Tensor.int64([values.length], values);

describe('reductions: axes as an attribute, then as an input', () => {
  it('ReduceSum at opset 11 (attribute) and 13 (constant input, empty with noop_with_empty_axes)', async () => {
    const g11 = await sameOutputs(
      {
        opset: 11,
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [{ name: 'a' }, { name: 'all' }],
        nodes: [
          { op: 'ReduceSum', inputs: ['x'], outputs: ['a'], attrs: [attr.ints('axes', [-1, 0])] },
          { op: 'ReduceSum', inputs: ['x'], outputs: ['all'], attrs: [attr.int('keepdims', 0)] },
        ],
      },
      { x },
      [17, 18, 21],
    );
    expect(ops(g11)).toEqual(['ReduceSum', 'ReduceSum']);
    expect(g11.nodes[0]?.attrs.axes).toEqual([-1, 0]);
    expect(g11.outputs.map((v) => v.type.shape)).toEqual([[1, 3, 1], []]);

    const g13 = await sameOutputs(
      {
        opset: 13,
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [{ name: 'a' }, { name: 'same' }],
        initializers: { ax: axes(1), none: axes() },
        nodes: [
          { op: 'ReduceSum', inputs: ['x', 'ax'], outputs: ['a'], attrs: [attr.int('keepdims', 0)] },
          { op: 'ReduceSum', inputs: ['x', 'none'], outputs: ['same'], attrs: [attr.int('noop_with_empty_axes', 1)] },
        ],
      },
      { x },
    );
    // Constant axes become the core op's attribute; empty ones with the flag the identity.
    expect(ops(g13)).toEqual(['ReduceSum', 'Identity']);
    expect(g13.nodes[0]?.attrs.axes).toEqual([1]);
  });

  it('ReduceSum with axes the model computes keeps them an input (and the flag), at any export opset', async () => {
    const model: TestModel = {
      opset: 13,
      inputs: [
        { name: 'x', shape: [2, 3, 4] },
        { name: 'ax', dtype: 'int64', shape: [1] },
      ],
      outputs: [{ name: 'kept' }, { name: 'dropped' }],
      nodes: [
        { op: 'ReduceSum', inputs: ['x', 'ax'], outputs: ['kept'], attrs: [attr.int('noop_with_empty_axes', 1)] },
        { op: 'ReduceSum', inputs: ['x', 'ax'], outputs: ['dropped'], attrs: [attr.int('keepdims', 0)] },
      ],
    };
    const graph = await sameOutputs(model, { x, ax: axes(-2) }, [17, 21]);
    expect(graph.nodes.map((n) => n.inputs.length)).toEqual([2, 2]);
    expect(graph.nodes[0]?.attrs.noop_with_empty_axes).toBe(1);
    // Rank known, dims not: [?, ?, ?] kept, and rank 2 without keepdims (one axis).
    expect(graph.outputs.map((v) => v.type.shape)).toEqual([
      ['?', '?', '?'],
      ['?', '?'],
    ]);
  });

  it('ReduceMax and ReduceMin at opset 13 (attribute) and 18 (input), written back in either form', async () => {
    const g13 = await sameOutputs(
      {
        opset: 13,
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [{ name: 'mx' }, { name: 'mn' }],
        nodes: [
          { op: 'ReduceMax', inputs: ['x'], outputs: ['mx'], attrs: [attr.ints('axes', [1])] },
          { op: 'ReduceMin', inputs: ['x'], outputs: ['mn'], attrs: [attr.int('keepdims', 0)] },
        ],
      },
      { x },
      [17, 18],
    );
    expect(ops(g13)).toEqual(['ReduceMax', 'ReduceMin']);
    const g18 = await sameOutputs(
      {
        opset: 18,
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [{ name: 'mx' }, { name: 'mn' }],
        initializers: { ax: axes(0, 2), none: axes() },
        nodes: [
          { op: 'ReduceMax', inputs: ['x', 'ax'], outputs: ['mx'], attrs: [attr.int('keepdims', 0)] },
          { op: 'ReduceMin', inputs: ['x', 'none'], outputs: ['mn'], attrs: [attr.int('noop_with_empty_axes', 1)] },
        ],
      },
      { x },
      [17, 18],
    );
    expect(ops(g18)).toEqual(['ReduceMax', 'Identity']);
    expect(g18.outputs[0]?.type.shape).toEqual([3]);
  });

  it('ReduceMax of axes the model computes needs opset 18 in the export', () => {
    const graph = importOnnx(
      onnxModel({
        opset: 18,
        inputs: [
          { name: 'x', shape: [2, 3] },
          { name: 'ax', dtype: 'int64', shape: [1] },
        ],
        outputs: [{ name: 'y' }],
        nodes: [{ op: 'ReduceMax', inputs: ['x', 'ax'], outputs: ['y'] }],
      }),
    );
    expect(() => exportOnnx(graph, { opset: 17 })).toThrow(
      "node 'node0' (ReduceMax) reduces axes the model computes; ONNX needs opset 18 or later for that",
    );
    expect(() => exportOnnx(graph, { opset: 18 })).not.toThrow();
  });
});

describe('ArgMax, ArgMin, TopK, CumSum, GlobalMaxPool', () => {
  // Few distinct values, so that ties happen.
  const ties = Tensor.float32(
    [2, 3, 4],
    Array.from({ length: 24 }, (_, i) => (i * 7) % 3),
  );

  it('ArgMax and ArgMin at opset 11 (no select_last_index) and 13, ties first or last', async () => {
    const g11 = await sameOutputs(
      {
        opset: 11,
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [
          { name: 'a', dtype: 'int64' },
          { name: 'b', dtype: 'int64' },
        ],
        nodes: [
          { op: 'ArgMax', inputs: ['x'], outputs: ['a'], attrs: [attr.int('axis', -1)] },
          { op: 'ArgMin', inputs: ['x'], outputs: ['b'], attrs: [attr.int('axis', 1), attr.int('keepdims', 0)] },
        ],
      },
      { x: ties },
    );
    expect(g11.outputs.map((v) => [v.type.dtype, v.type.shape])).toEqual([
      ['int64', [2, 3, 1]],
      ['int64', [2, 4]],
    ]);
    await sameOutputs(
      {
        opset: 13,
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [
          { name: 'a', dtype: 'int64' },
          { name: 'b', dtype: 'int64' },
        ],
        nodes: [
          { op: 'ArgMax', inputs: ['x'], outputs: ['a'], attrs: [attr.int('select_last_index', 1)] },
          {
            op: 'ArgMin',
            inputs: ['x'],
            outputs: ['b'],
            attrs: [attr.int('axis', 2), attr.int('select_last_index', 1)],
          },
        ],
      },
      { x: ties },
    );
  });

  it('TopK with k an attribute (opset 9) and an input (opset 11: largest, sorted), ties in input order', async () => {
    const g9 = await sameOutputs(
      {
        opset: 9,
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [{ name: 'v' }, { name: 'i', dtype: 'int64' }],
        nodes: [{ op: 'TopK', inputs: ['x'], outputs: ['v', 'i'], attrs: [attr.int('k', 2), attr.int('axis', 1)] }],
      },
      { x: ties },
    );
    expect(ops(g9)).toEqual(['TopK']);
    expect(g9.outputs.map((v) => v.type.shape)).toEqual([
      [2, 2, 4],
      [2, 2, 4],
    ]);
    const g11 = await sameOutputs(
      {
        opset: 11,
        inputs: [
          { name: 'x', shape: [2, 3, 4] },
          { name: 'k', dtype: 'int64', shape: [1] },
        ],
        outputs: [{ name: 'v' }, { name: 'i', dtype: 'int64' }],
        nodes: [{ op: 'TopK', inputs: ['x', 'k'], outputs: ['v', 'i'], attrs: [attr.int('largest', 0)] }],
      },
      { x: ties, k: axes(3) },
    );
    // K is read when the model runs: the dim it sets is unknown.
    expect(g11.outputs[0]?.type.shape).toEqual([2, 3, '?']);
  });

  it('CumSum (opset 11 and 14) with the axis an input, exclusive and reverse; refused before 11', async () => {
    for (const opset of [11, 14]) {
      await sameOutputs(
        {
          opset,
          inputs: [
            { name: 'x', shape: [2, 3, 4] },
            { name: 'axis', dtype: 'int32', shape: [] },
          ],
          outputs: [{ name: 'y' }, { name: 'z' }],
          nodes: [
            { op: 'CumSum', inputs: ['x', 'axis'], outputs: ['y'], attrs: [attr.int('exclusive', 1)] },
            { op: 'CumSum', inputs: ['x', 'axis'], outputs: ['z'], attrs: [attr.int('reverse', 1)] },
          ],
        },
        { x, axis: new Tensor('int32', [], Int32Array.of(-2)) },
      );
    }
    expect(
      importError({
        opset: 10,
        inputs: [{ name: 'x', shape: [2] }],
        outputs: [{ name: 'y' }],
        initializers: { a: axes(0) },
        nodes: [{ op: 'CumSum', inputs: ['x', 'a'], outputs: ['y'] }],
      }),
    ).toMatch(/CumSum.*11/);
  });

  it('GlobalMaxPool', async () => {
    const graph = await sameOutputs(
      {
        inputs: [{ name: 'x', shape: [2, 3, 4] }],
        outputs: [{ name: 'y' }],
        nodes: [{ op: 'GlobalMaxPool', inputs: ['x'], outputs: ['y'] }],
      },
      { x },
    );
    expect(graph.outputs[0]?.type.shape).toEqual([2, 3, 1]);
  });
});

describe('Einsum', () => {
  /** One Einsum over random inputs of the given shapes, compared through onnxruntime; the imported ops. */
  async function einsum(equation: string, ...shapes: number[][]): Promise<string[]> {
    const names = shapes.map((_, i) => `x${i}`);
    const graph = await sameOutputs(
      {
        opset: 12,
        inputs: shapes.map((shape, i) => ({ name: names[i] as string, shape })),
        outputs: [{ name: 'y' }],
        nodes: [{ op: 'Einsum', inputs: names, outputs: ['y'], attrs: [attr.string('equation', equation)] }],
      },
      Object.fromEntries(shapes.map((s, i) => [names[i], randomTensor(10 + i, s)])),
    );
    return ops(graph);
  }

  it('matrix products become MatMul, with Transposes and Unsqueezes only where the layout needs them', async () => {
    expect(await einsum('ij,jk->ik', [3, 4], [4, 5])).toEqual(['MatMul']);
    expect(await einsum('ij,jk', [3, 4], [4, 5])).toEqual(['MatMul']);
    expect(await einsum('bij, bjk -> bik', [2, 3, 4], [2, 4, 5])).toEqual(['MatMul']);
    expect(await einsum('...ij,...jk->...ik', [2, 3, 3, 4], [2, 3, 4, 5])).toEqual(['MatMul']);
    expect(await einsum('...ij,...jk->...ik', [2, 3, 4], [1, 4, 5])).toEqual(['MatMul']);
    expect(await einsum('bhqd,bhkd->bhqk', [2, 3, 5, 4], [2, 3, 6, 4])).toEqual(['Transpose', 'MatMul']);
    expect(await einsum('bhqk,bhkd->bhqd', [2, 3, 5, 6], [2, 3, 6, 4])).toEqual(['MatMul']);
    expect(await einsum('bqhd,bkhd->bhqk', [2, 5, 3, 4], [2, 6, 3, 4])).toEqual(['Transpose', 'Transpose', 'MatMul']);
    expect(await einsum('ji,jk->ik', [4, 3], [4, 5])).toEqual(['Transpose', 'MatMul']);
    expect(await einsum('ij,kj->ki', [3, 4], [5, 4])).toEqual(['Transpose', 'MatMul', 'Transpose']);
    // A batch dim of one operand only: MatMul broadcasts it.
    expect(await einsum('bij,jk->bik', [2, 3, 4], [4, 5])).toEqual(['MatMul']);
    expect(await einsum('nchw,kc->nkhw', [2, 3, 4, 5], [6, 3])).toEqual([
      'Transpose',
      'Transpose',
      'MatMul',
      'Transpose',
    ]);
    // Batch dims of each operand that the other lacks: 1s in the first operand.
    expect(await einsum('aij,bjk->abik', [2, 3, 4], [5, 4, 6])).toEqual(['Unsqueeze', 'MatMul']);
    // A row or column of size 1 inserted and squeezed back.
    expect(await einsum('ij,j->i', [3, 4], [4])).toEqual(['Unsqueeze', 'MatMul', 'Squeeze']);
    expect(await einsum('i,i', [5], [5])).toEqual(['Unsqueeze', 'Unsqueeze', 'MatMul', 'Squeeze']);
  });

  it('with a constant weight (and constants folded) the MatMul goes on to become a Linear', async () => {
    const model = onnxModel({
      opset: 12,
      inputs: [{ name: 'x', shape: [2, 5, 4] }],
      outputs: [{ name: 'y' }],
      initializers: { w: randomTensor(3, [6, 4]) },
      nodes: [{ op: 'Einsum', inputs: ['x', 'w'], outputs: ['y'], attrs: [attr.string('equation', 'bij,kj->bik')] }],
    });
    // The simulator's evaluateNode in the CLI; here, the one fold the model needs (Transpose of w).
    const evaluate = (node: Node, [w]: readonly (Tensor | null)[]) => {
      if (node.op !== 'Transpose' || !w) throw new Error(`unexpected fold of ${node.op}`);
      return [transposeMatrix(w)];
    };
    const graph = importOnnx(model, { evaluate });
    // MatMul(x, W^T) with a constant W is PyTorch's Linear form.
    expect(ops(graph)).toEqual(['Linear']);
    const feeds = { x: randomTensor(4, [2, 5, 4]) };
    expect(maxOutputDiff(await runOrt(model, feeds), await runOrt(exportOnnx(graph), feeds))).toBeLessThan(1e-5);
  });

  it('other equations stay an Einsum: diagonals, sums over one operand, outer products, three operands', async () => {
    expect(await einsum('ii->i', [4, 4])).toEqual(['Einsum']);
    expect(await einsum('...ii->...i', [2, 4, 4])).toEqual(['Einsum']);
    expect(await einsum('ij->i', [3, 4])).toEqual(['Einsum']);
    expect(await einsum('ij->ji', [3, 4])).toEqual(['Einsum']);
    expect(await einsum('i,j->ij', [3], [4])).toEqual(['Einsum']);
    expect(await einsum('ijk,jk->i', [2, 3, 4], [3, 4])).toEqual(['Einsum']);
    expect(await einsum('ij,jk,kl->il', [2, 3], [3, 4], [4, 5])).toEqual(['Einsum']);
    expect(await einsum('bij,bjk->b', [2, 3, 4], [2, 4, 5])).toEqual(['Einsum']);
  });

  it('an equation that does not fit its inputs is an error naming the node', () => {
    const model = (equation: string): TestModel => ({
      opset: 12,
      inputs: [
        { name: 'a', shape: [2, 3] },
        { name: 'b', shape: [3, 4] },
      ],
      outputs: [{ name: 'y' }],
      nodes: [{ op: 'Einsum', inputs: ['a', 'b'], outputs: ['y'], attrs: [attr.string('equation', equation)] }],
    });
    expect(importError(model('ij,jk->il'))).toMatch(
      /node 'node0' \(Einsum, opset 12\): output label 'l' is in no input/,
    );
    expect(importError(model('ijk,jk->ik'))).toMatch(/term 0 'ijk' names 3 dims, input 0 has rank 2/);
    expect(importError(model('ij,ik->jk'))).toMatch(/label 'i' is 2 in one input and 3 in input 1/);
    expect(importError(model('ij->ij'))).toMatch(/1 operand terms for 2 inputs/);
  });
});

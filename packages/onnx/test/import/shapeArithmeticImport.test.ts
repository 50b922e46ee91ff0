import { type Graph, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { exportAgainstOriginal } from '../helpers/exportAgainstOriginal.js';
import { importError } from '../helpers/importError.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

const ops = (g: Graph) => g.nodes.map((n) => n.op);

/** onnxruntime on the original model (at its opset) against onnxruntime on qtk's opset-17 export. */
async function sameOutputs(model: TestModel, feeds: Record<string, Tensor>): Promise<Graph> {
  const { graph, differences } = await exportAgainstOriginal(model, feeds, undefined, { fuse: false });
  expect(differences[0]).toBe(0);
  return graph;
}

const x4 = { name: 'x', shape: [1, 8, 2, 3] };

describe('older forms of the shape arithmetic and data movement ops', () => {
  it('Pad before opset 11: pads and value attributes become inputs', async () => {
    const model: TestModel = {
      opset: 10,
      inputs: [{ name: 'x', shape: [2, 3] }],
      outputs: [{ name: 'c' }, { name: 'r' }],
      nodes: [
        {
          op: 'Pad',
          inputs: ['x'],
          outputs: ['c'],
          attrs: [attr.ints('pads', [1, 0, 0, 2]), attr.float('value', 2.5)],
        },
        {
          op: 'Pad',
          inputs: ['x'],
          outputs: ['r'],
          attrs: [attr.ints('pads', [0, 2, 0, 1]), attr.string('mode', 'reflect')],
        },
      ],
    };
    const graph = await sameOutputs(model, { x: randomTensor(1, [2, 3]) });
    expect(ops(graph)).toEqual(['Pad', 'Pad']);
    expect(graph.nodes[0]?.inputs.map((v) => v?.constant?.toNumbers())).toEqual([undefined, [1, 0, 0, 2], [2.5]]);
  });

  it('DepthToSpace before opset 11 is DCR; Dropout at opset 10 is the identity with a mask of all true', async () => {
    const bytes = onnxModel({
      opset: 10,
      inputs: [x4],
      outputs: [{ name: 'y' }, { name: 'mask', dtype: 'bool' }],
      nodes: [
        { op: 'DepthToSpace', inputs: ['x'], outputs: ['d'], attrs: [attr.int('blocksize', 2)] },
        { op: 'Dropout', inputs: ['d'], outputs: ['y', 'mask'], attrs: [attr.float('ratio', 0.4)] },
      ],
    });
    const graph = importOnnx(bytes);
    expect(ops(graph)).toEqual(['DepthToSpace', 'Dropout']);
    const feeds = { x: randomTensor(2, [1, 8, 2, 3]) };
    const original = await runOrt(bytes, feeds);
    const exported = await runOrt(exportOnnx(graph), feeds);
    expect(maxOutputDiff({ y: original.y as Tensor }, { y: exported.y as Tensor })).toBe(0);
    // onnxruntime's Dropout of opsets 7 to 11 returns a mask of all false (it zeroes the buffer);
    // ONNX's reference, its tests of opset 12 on and qtk say every entry is kept: all true.
    expect(original.mask?.toNumbers().every((m) => m === 0)).toBe(true);
    expect(exported.mask?.toNumbers().every((m) => m === 1)).toBe(true);
  });

  it('ScatterND at opset 11 has no reduction; an unused Dropout mask is left off', async () => {
    const graph = await sameOutputs(
      {
        opset: 11,
        inputs: [{ name: 'x', shape: [4, 3] }],
        outputs: [{ name: 'y' }],
        initializers: { idx: Tensor.int64([1, 1], [2]), upd: Tensor.float32([1, 3], [7, 8, 9]) },
        nodes: [
          { op: 'Dropout', inputs: ['x'], outputs: ['d', 'unused'] },
          { op: 'ScatterND', inputs: ['d', 'idx', 'upd'], outputs: ['y'] },
        ],
      },
      { x: randomTensor(3, [4, 3]) },
    );
    expect(graph.nodes.map((n) => [n.op, n.outputs.length, n.attrs])).toEqual([
      ['Dropout', 1, {}],
      ['ScatterND', 1, {}],
    ]);
  });
});

describe('forms qtk refuses, in one line naming the node', () => {
  it('Pad in wrap mode', () => {
    expect(
      importError({
        opset: 19,
        inputs: [{ name: 'x', shape: [2, 3] }],
        outputs: [{ name: 'y' }],
        initializers: { pads: Tensor.int64([4], [0, 1, 0, 1]) },
        nodes: [{ op: 'Pad', name: 'p', inputs: ['x', 'pads'], outputs: ['y'], attrs: [attr.string('mode', 'wrap')] }],
      }),
    ).toBe("m.onnx: node 'p' (Pad, opset 19): mode 'wrap' is not supported (constant, reflect and edge are)");
  });

  it("a Dropout's float mask before opset 10", () => {
    expect(
      importError({
        opset: 9,
        inputs: [{ name: 'x', shape: [2, 3] }],
        outputs: [{ name: 'y' }, { name: 'm' }],
        nodes: [{ op: 'Dropout', name: 'd', inputs: ['x'], outputs: ['y', 'm'] }],
      }),
    ).toBe("m.onnx: node 'd' (Dropout, opset 9): its mask is float before opset 10; qtk imports a bool mask");
  });

  it('ScatterND max before opset 18, Range before 11, a ConstantOfShape value of two elements', () => {
    const scatter = (opset: number): TestModel => ({
      opset,
      inputs: [{ name: 'x', shape: [4] }],
      outputs: [{ name: 'y' }],
      initializers: { idx: Tensor.int64([1, 1], [2]), upd: Tensor.float32([1], [7]) },
      nodes: [
        {
          op: 'ScatterND',
          name: 's',
          inputs: ['x', 'idx', 'upd'],
          outputs: ['y'],
          attrs: [attr.string('reduction', 'max')],
        },
      ],
    });
    expect(importError(scatter(16))).toBe(
      "m.onnx: node 's' (ScatterND, opset 16): reduction 'max' exists from opset 18",
    );
    expect(() => importOnnx(onnxModel(scatter(18)))).not.toThrow();
    const scalar = (n: number) => Tensor.int64([], [n]);
    expect(
      importError({
        opset: 10,
        inputs: [],
        outputs: [{ name: 'y' }],
        initializers: { a: scalar(0), b: scalar(5), c: scalar(1) },
        nodes: [{ op: 'Range', name: 'r', inputs: ['a', 'b', 'c'], outputs: ['y'] }],
      }),
    ).toBe("m.onnx: node 'r' (Range): the model uses opset 10, qtk imports Range from opset 11 on");
    expect(
      importError({
        opset: 13,
        inputs: [],
        outputs: [{ name: 'y' }],
        initializers: { s: Tensor.int64([1], [3]) },
        nodes: [
          {
            op: 'ConstantOfShape',
            name: 'k',
            inputs: ['s'],
            outputs: ['y'],
            attrs: [attr.tensor('value', Tensor.float32([2], [1, 2]))],
          },
        ],
      }),
    ).toBe("m.onnx: node 'k' (ConstantOfShape, opset 13): attribute 'value' must hold one element, got 2");
  });
});

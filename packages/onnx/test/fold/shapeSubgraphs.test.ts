import { broadcastShapes, type ConcreteShape, type Graph, type Node, numel, stridesOf, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { type ConstantEvaluator, exportOnnx, importOnnx, SUPPORTED_ONNX_OPS } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

// Shapes and masks as PyTorch exports build them: Shape -> Gather -> Range / Unsqueeze -> Concat
// -> Expand / ConstantOfShape / Reshape / Tile / Pad. With static input shapes, import folds all of
// it into constants; what is left are the nodes that read the data.

const ops = (g: Graph) => g.nodes.map((n) => n.op);

const one = (name: string, v: number) => ({ [name]: Tensor.int64([], [v]) });

/** x [2,5,4]; n = x.shape[1] and b = x.shape[0] computed, then used for every kind of shape input. */
const shapeModel: TestModel = {
  inputs: [{ name: 'x', shape: [2, 5, 4] }],
  outputs: [
    { name: 'flat' },
    { name: 'masked' },
    { name: 'firsts' },
    { name: 'padded' },
    { name: 'tiled' },
    { name: 'twice', dtype: 'int64' },
  ],
  initializers: {
    ...one('i0', 0),
    ...one('i1', 1),
    ...one('two', 2),
    axis0: Tensor.int64([1], [0]),
    axis1: Tensor.int64([1], [1]),
    minusOne: Tensor.int64([1], [-1]),
    oneV: Tensor.int64([1], [1]),
  },
  nodes: [
    { op: 'Shape', inputs: ['x'], outputs: ['s'] },
    { op: 'Gather', inputs: ['s', 'i1'], outputs: ['n'] },
    { op: 'Gather', inputs: ['s', 'i0'], outputs: ['b'] },
    { op: 'Unsqueeze', inputs: ['n', 'axis0'], outputs: ['nv'] },
    { op: 'Unsqueeze', inputs: ['b', 'axis0'], outputs: ['bv'] },
    // x.view(b, -1)
    { op: 'Concat', inputs: ['bv', 'minusOne'], outputs: ['flatShape'], attrs: [attr.int('axis', 0)] },
    { op: 'Reshape', inputs: ['x', 'flatShape'], outputs: ['flat'] },
    // A causal mask: tril(ones(n, n)) @ x
    { op: 'Concat', inputs: ['nv', 'nv'], outputs: ['square'], attrs: [attr.int('axis', 0)] },
    {
      op: 'ConstantOfShape',
      inputs: ['square'],
      outputs: ['ones'],
      attrs: [attr.tensor('value', Tensor.float32([1], [1]))],
    },
    { op: 'Trilu', inputs: ['ones'], outputs: ['causal'], attrs: [attr.int('upper', 0)] },
    { op: 'MatMul', inputs: ['causal', 'x'], outputs: ['masked'] },
    // torch.arange(n).expand(b, n), gathered from each row of flat
    { op: 'Range', inputs: ['i0', 'n', 'i1'], outputs: ['positions'] },
    { op: 'Unsqueeze', inputs: ['positions', 'axis0'], outputs: ['row'] },
    { op: 'Concat', inputs: ['bv', 'nv'], outputs: ['bn'], attrs: [attr.int('axis', 0)] },
    { op: 'Expand', inputs: ['row', 'bn'], outputs: ['index'] },
    { op: 'GatherElements', inputs: ['flat', 'index'], outputs: ['firsts'], attrs: [attr.int('axis', 1)] },
    // Pads of 1 on every dim: ones(2 * x.dim()) with the rank from Size(Shape(x))
    { op: 'Size', inputs: ['s'], outputs: ['rank'] },
    { op: 'Mul', inputs: ['rank', 'two'], outputs: ['padCount'] },
    { op: 'Unsqueeze', inputs: ['padCount', 'axis0'], outputs: ['padShape'] },
    {
      op: 'ConstantOfShape',
      inputs: ['padShape'],
      outputs: ['pads'],
      attrs: [attr.tensor('value', Tensor.int64([1], [1]))],
    },
    { op: 'Pad', inputs: ['x', 'pads'], outputs: ['padded'], attrs: [attr.string('mode', 'edge')] },
    // x.repeat(1, 1, b)
    { op: 'Concat', inputs: ['oneV', 'oneV', 'bv'], outputs: ['repeats'], attrs: [attr.int('axis', 0)] },
    { op: 'Tile', inputs: ['x', 'repeats'], outputs: ['tiled'] },
    // The Size of x itself, times two, as a graph output.
    { op: 'Size', inputs: ['x'], outputs: ['count'] },
    { op: 'Mul', inputs: ['count', 'two'], outputs: ['twice'] },
  ],
};

const coordinates = (flat: number, shape: ConcreteShape): number[] => {
  const strides = stridesOf(shape);
  return shape.map((d, i) => Math.floor(flat / (strides[i] as number)) % d);
};

/**
 * A naive evaluator of the ops on the constant side of these models (small tensors), written here
 * so that what folds is checked against arithmetic independent of the simulator's kernels.
 */
function naiveEvaluator(calls: string[]): ConstantEvaluator {
  return (node: Node, inputs) => {
    calls.push(node.op);
    const t = inputs.map((v) => v as Tensor);
    const values = t.map((v) => v?.toNumbers() ?? []);
    const [a = [], b = [], c = []] = values;
    const int64 = (shape: number[], v: number[]) => Tensor.int64(shape, v);
    switch (node.op) {
      case 'Gather':
        return [int64([], [a[b[0] as number] as number])];
      case 'Unsqueeze': {
        const shape = [...(t[0] as Tensor).shape];
        for (const axis of b) shape.splice(axis, 0, 1);
        return [(t[0] as Tensor).reshape(shape)];
      }
      case 'Concat':
        return [int64([values.flat().length], values.flat())];
      case 'Mul':
        return [int64([], [(a[0] as number) * (b[0] as number)])];
      case 'Range': {
        const out: number[] = [];
        for (let v = a[0] as number; v < (b[0] as number); v += c[0] as number) out.push(v);
        return [int64([out.length], out)];
      }
      case 'ConstantOfShape': {
        const value = node.attrs.value as Tensor;
        const filled = new Array<number>(numel(a)).fill(value.toNumbers()[0] as number);
        return [value.dtype === 'int64' ? int64(a, filled) : Tensor.float32(a, filled)];
      }
      case 'Trilu': {
        const [rows, cols] = (t[0] as Tensor).shape as [number, number];
        const kept = a.map((v, i) => (i % cols <= Math.floor(i / cols) ? v : 0));
        return [Tensor.float32([rows, cols], kept)];
      }
      case 'Expand': {
        const shape = broadcastShapes((t[0] as Tensor).shape, b) as number[];
        const from = (t[0] as Tensor).shape;
        const out = Array.from({ length: numel(shape) }, (_, o) => {
          const at = coordinates(o, shape).slice(shape.length - from.length);
          return a[
            at.reduce((acc, x, i) => acc * (from[i] as number) + ((from[i] as number) === 1 ? 0 : x), 0)
          ] as number;
        });
        return [int64(shape, out)];
      }
      default:
        throw new Error(`the test evaluator has no ${node.op}`);
    }
  };
}

describe('shape subgraphs of PyTorch exports fold at import', () => {
  it('with static input shapes, no shape node is left and the outputs are those of the original model', async () => {
    const calls: string[] = [];
    const bytes = onnxModel(shapeModel);
    const g = importOnnx(bytes, { evaluate: naiveEvaluator(calls), fuse: false });
    expect(ops(g)).toEqual(['Reshape', 'MatMul', 'GatherElements', 'Pad', 'Tile']);
    expect(new Set(calls)).toEqual(
      new Set(['Gather', 'Unsqueeze', 'Concat', 'ConstantOfShape', 'Trilu', 'Range', 'Expand', 'Mul']),
    );
    // Static dims everywhere, from the folded constants.
    expect(g.outputs.map((v) => [v.name, ...v.type.shape])).toEqual([
      ['flat', 2, 20],
      ['masked', 2, 5, 4],
      ['firsts', 2, 5],
      ['padded', 4, 7, 6],
      ['tiled', 2, 5, 8],
      ['twice'],
    ]);
    expect(g.findValue('pads')?.constant?.toNumbers()).toEqual([1, 1, 1, 1, 1, 1]);
    expect(g.findValue('twice')?.constant?.toNumbers()).toEqual([80]);
    const feeds = { x: randomTensor(5, [2, 5, 4]) };
    const original = await runOrt(bytes, feeds);
    const folded = await runOrt(exportOnnx(g), feeds);
    expect(maxOutputDiff(original, folded)).toBe(0);
  });

  it('with a symbolic batch, what reads the shape stays (and runs right), what reads only the rank folds', async () => {
    const bytes = onnxModel({ ...shapeModel, inputs: [{ name: 'x', shape: ['batch', 5, 4] }] });
    const g = importOnnx(bytes, { evaluate: naiveEvaluator([]), fuse: false });
    // Size of the shape is the rank, static: the pads fold.
    expect(g.findValue('pads')?.constant?.toNumbers()).toEqual([1, 1, 1, 1, 1, 1]);
    expect(ops(g)).toEqual(expect.arrayContaining(['Shape', 'Gather', 'Range', 'Expand', 'Trilu']));
    // Size(Shape(x)) folded; Size(x) depends on the batch and stays.
    expect(g.nodes.filter((n) => n.op === 'Size').map((n) => n.input(0).name)).toEqual(['x']);
    const feeds = { x: randomTensor(7, [3, 5, 4]) };
    expect(maxOutputDiff(await runOrt(bytes, feeds), await runOrt(exportOnnx(g), feeds))).toBe(0);
  });

  // A mask from two Ranges compared (torch.arange(n)[:, None] < torch.arange(n)[None, :]) needs
  // Less and Where, which another family of ops brings: this runs once they are imported.
  it.skipIf(!SUPPORTED_ONNX_OPS.includes('Less') || !SUPPORTED_ONNX_OPS.includes('Where'))(
    'a mask of Range + Less folds into a constant',
    async () => {
      const model: TestModel = {
        inputs: [{ name: 'x', shape: [2, 5, 5] }],
        outputs: [{ name: 'y' }],
        initializers: {
          ...one('i0', 0),
          ...one('i1', 1),
          axis0: Tensor.int64([1], [0]),
          axis1: Tensor.int64([1], [1]),
          minusInf: Tensor.float32([], [-1e9]),
          zero: Tensor.float32([], [0]),
        },
        nodes: [
          { op: 'Shape', inputs: ['x'], outputs: ['s'] },
          { op: 'Gather', inputs: ['s', 'i1'], outputs: ['n'] },
          { op: 'Range', inputs: ['i0', 'n', 'i1'], outputs: ['r'] },
          { op: 'Unsqueeze', inputs: ['r', 'axis1'], outputs: ['rows'] },
          { op: 'Unsqueeze', inputs: ['r', 'axis0'], outputs: ['cols'] },
          { op: 'Less', inputs: ['rows', 'cols'], outputs: ['future'] },
          { op: 'Where', inputs: ['future', 'minusInf', 'zero'], outputs: ['bias'] },
          { op: 'Add', inputs: ['x', 'bias'], outputs: ['y'] },
        ],
      };
      const bytes = onnxModel(model);
      const calls: string[] = [];
      const base = naiveEvaluator(calls);
      const evaluate: ConstantEvaluator = (node, inputs) => {
        if (node.op === 'Less') {
          const [rows, cols] = inputs.map((t) => (t as Tensor).toNumbers());
          const n = (rows as number[]).length;
          const lt = Array.from({ length: n * n }, (_, k) =>
            (rows as number[])[Math.floor(k / n)] < ((cols as number[])[k % n] as number) ? 1 : 0,
          );
          calls.push('Less');
          return [new Tensor('bool', [n, n], Uint8Array.from(lt))];
        }
        if (node.op === 'Where') {
          const m = inputs[0] as Tensor;
          const [yes, no] = [inputs[1] as Tensor, inputs[2] as Tensor].map((t) => t.toNumbers()[0] as number);
          calls.push('Where');
          return [
            Tensor.float32(
              [...m.shape],
              Array.from(m.data as Uint8Array, (v) => (v ? yes : no)),
            ),
          ];
        }
        return base(node, inputs);
      };
      const g = importOnnx(bytes, { evaluate, fuse: false });
      expect(ops(g)).toEqual(['Add']);
      expect(g.findValue('bias')?.constant?.shape).toEqual([5, 5]);
      const feeds = { x: randomTensor(6, [2, 5, 5]) };
      expect(maxOutputDiff(await runOrt(bytes, feeds), await runOrt(exportOnnx(g), feeds))).toBe(0);
    },
  );
});

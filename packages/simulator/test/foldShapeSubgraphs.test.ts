import { Graph, Tensor } from '@qtk/ir';
import { exportOnnx, importOnnx } from '@qtk/onnx';
import { describe, expect, it } from 'vitest';
import { evaluateNode, runGraph } from '../src/index.js';
import { expectClose } from './support/expectClose.js';
import { runWithOnnxruntime } from './support/onnxruntimeReference.js';

/**
 * The shape arithmetic PyTorch writes around attention and padding, as a graph whose shape nodes
 * read x: Shape -> Gather -> Unsqueeze -> Concat -> Reshape; Range -> Expand; ConstantOfShape ->
 * Trilu (a causal mask); Size -> Mul -> ConstantOfShape (pads); Concat -> Tile.
 */
function shapeGraph(batch: number | string): Graph {
  const g = new Graph('shapes');
  const x = g.addInput('x', { dtype: 'float32', shape: [batch, 6, 4] });
  const c = (name: string, t: Tensor) => g.addConstant(name, t);
  const node = (op: string, inputs: Parameters<Graph['addNode']>[0]['inputs'], attrs = {}) =>
    g.addNode({ op, name: op.toLowerCase() + g.nodes.length, inputs, attrs }).output();
  const axis0 = c('axis0', Tensor.int64([1], [0]));
  const s = node('Shape', [x]);
  const n = node('Gather', [s, c('i1', Tensor.int64([], [1]))]);
  const b = node('Gather', [s, c('i0', Tensor.int64([], [0]))]);
  const nv = node('Unsqueeze', [n, axis0]);
  const bv = node('Unsqueeze', [b, axis0]);
  const flat = node('Reshape', [x, node('Concat', [bv, c('minusOne', Tensor.int64([1], [-1]))], { axis: 0 })]);
  const square = node('Concat', [nv, nv], { axis: 0 });
  const causal = node('Trilu', [node('ConstantOfShape', [square], { value: Tensor.float32([1], [1]) })], { upper: 0 });
  const masked = node('MatMul', [causal, x]);
  const positions = node('Range', [c('zero', Tensor.int64([], [0])), n, c('one', Tensor.int64([], [1]))]);
  const index = node('Expand', [node('Unsqueeze', [positions, axis0]), node('Concat', [bv, nv], { axis: 0 })]);
  const firsts = node('GatherElements', [flat, index], { axis: 1 });
  const padCount = node('Mul', [node('Size', [s]), c('two', Tensor.int64([], [2]))]);
  const pads = node('ConstantOfShape', [node('Unsqueeze', [padCount, axis0])], { value: Tensor.int64([1], [1]) });
  const padded = node('Pad', [x, pads], { mode: 'reflect' });
  const tiled = node('Tile', [x, node('Concat', [c('ones', Tensor.int64([2], [1, 1])), bv], { axis: 0 })]);
  g.setOutputs([flat, masked, firsts, padded, tiled]);
  return g;
}

describe("shape subgraphs fold at import with the simulator's kernels", () => {
  it('static input shapes leave only the nodes that read x, with static dims, computing what onnxruntime does', async () => {
    const bytes = exportOnnx(shapeGraph(2));
    const g = importOnnx(bytes, { evaluate: evaluateNode, fuse: false });
    expect(g.nodes.map((n) => n.op)).toEqual(['Reshape', 'MatMul', 'GatherElements', 'Pad', 'Tile']);
    expect(g.outputs.map((v) => v.type.shape)).toEqual([
      [2, 24],
      [2, 6, 4],
      [2, 6],
      [4, 8, 6],
      [2, 6, 8],
    ]);
    const x = Tensor.float32(
      [2, 6, 4],
      Array.from({ length: 48 }, (_, i) => Math.sin(i)),
    );
    const ours = runGraph(g, { x }).outputs;
    // The original graph (shape nodes and all) in onnxruntime is the reference.
    const reference = await runWithOnnxruntime(shapeGraph(2), { x });
    for (const v of g.outputs) expectClose(ours[v.name], reference[v.name] as Tensor, 1e-6, v.name);
  });

  it('a symbolic batch keeps the shape nodes that need it, and the graph still runs at any batch', () => {
    const g = importOnnx(exportOnnx(shapeGraph('batch')), { evaluate: evaluateNode, fuse: false });
    expect(g.nodes.map((n) => n.op)).toContain('Shape');
    // Size(Shape(x)) is the rank: the pads fold whatever the batch.
    expect(g.nodes.filter((n) => n.op === 'ConstantOfShape')).toHaveLength(1);
    const x = Tensor.float32([3, 6, 4], new Array(72).fill(1));
    expect(runGraph(g, { x }).outputs[g.outputs[4]?.name as string]?.shape).toEqual([3, 6, 12]);
  });
});

import { describe, expect, it } from 'vitest';
import { Graph, Tensor, verifyGraph } from '../../src/index.js';

function small(): Graph {
  const g = new Graph('g');
  const x = g.addInput('x', { dtype: 'float32', shape: [2, 3] });
  const r = g.addNode({ op: 'Relu', name: 'r', inputs: [x] });
  const s = g.addNode({ op: 'Sigmoid', name: 's', inputs: [r.output()] });
  g.setOutputs([s.output()]);
  return g;
}

describe('verifyGraph', () => {
  it('accepts a consistent graph', () => {
    expect(() => verifyGraph(small())).not.toThrow();
  });

  it('reports a value read before it is produced, and a cycle as a cycle', () => {
    const g = small();
    const r = g.findNode('r')!;
    const s = g.findNode('s')!;
    r.setInput(0, s.output());
    expect(() => verifyGraph(g)).toThrow(/node 'r' \(Relu\): is part of a cycle through 's'/);
  });

  it('reports a value that comes from another graph (dangling)', () => {
    const g = small();
    const other = new Graph('other');
    const y = other.addInput('y', { dtype: 'float32', shape: [2, 3] });
    g.findNode('s')!.setInput(0, y);
    expect(() => verifyGraph(g)).toThrow(/node 's' \(Sigmoid\): input 0 'y' is not a value of the graph \(dangling\)/);
  });

  it('reports a stored shape that its inputs contradict', () => {
    const g = small();
    g.findNode('r')!.output().type = { dtype: 'float32', shape: [2, 4] };
    expect(() => verifyGraph(g)).toThrow(
      /node 'r' \(Relu\): output 'r' is typed float32\[2,4\], but its inputs give float32\[2,3\]/,
    );
  });

  it('reports a dtype mismatch between inputs', () => {
    const g = new Graph();
    const a = g.addInput('a', { dtype: 'float32', shape: [2] });
    const b = g.addInput('b', { dtype: 'int32', shape: [2] });
    const add = g.addNode({ op: 'Add', name: 'sum', inputs: [a, a] });
    add.setInput(1, b);
    expect(() => verifyGraph(g)).toThrow(/node 'sum' \(Add\): input dtypes differ: float32 and int32/);
  });

  it('reports wrong attribute kinds, unknown attributes and missing required inputs', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [2, 3] });
    const sm = g.addNode({ op: 'Softmax', name: 'sm', inputs: [x] });
    sm.attrs = { axis: 0.5 };
    expect(() => verifyGraph(g)).toThrow(/node 'sm' \(Softmax\): attribute 'axis' must be of kind int/);
    sm.attrs = { dim: 1 };
    expect(() => verifyGraph(g)).toThrow(/unknown attribute 'dim'/);
    sm.attrs = {};
    const w = g.addConstant('w', Tensor.float32([1, 3], [1, 2, 3]));
    const fc = g.addNode({ op: 'Linear', name: 'fc', inputs: [x, w] });
    fc.setInput(1, null);
    expect(() => verifyGraph(g)).toThrow(/node 'fc' \(Linear\): input 1 \(W\) is missing/);
  });

  it('reports a graph output nobody computes', () => {
    const g = small();
    const other = new Graph();
    const stray = other.addInput('stray', { dtype: 'float32', shape: [1] });
    expect(() => g.setOutputs([stray])).toThrow(/does not belong/);
  });
});

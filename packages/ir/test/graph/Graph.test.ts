import { describe, expect, it } from 'vitest';
import { cloneGraph, formatGraph, Graph, QtkError, Tensor, verifyGraph } from '../../src/index.js';

function linearChain(): Graph {
  const g = new Graph('chain');
  const x = g.addInput('x', { dtype: 'float32', shape: ['batch', 4] });
  const w = g.addConstant('w', Tensor.float32([3, 4], new Array(12).fill(0.5)));
  const b = g.addConstant('b', Tensor.float32([3], [1, 2, 3]));
  const lin = g.addNode({ op: 'Linear', name: 'fc', inputs: [x, w, b] });
  const relu = g.addNode({ op: 'Relu', name: 'act', inputs: [lin.output()] });
  g.setOutputs([relu.output()]);
  return g;
}

describe('Graph', () => {
  it('infers output types when nodes are added, keeping symbolic dims', () => {
    const g = linearChain();
    expect(g.findNode('fc')?.output().type).toEqual({ dtype: 'float32', shape: ['batch', 3] });
    expect(g.outputs[0]?.type).toEqual({ dtype: 'float32', shape: ['batch', 3] });
  });

  it('keeps use lists in sync when rewiring and removing', () => {
    const g = linearChain();
    const fc = g.findNode('fc')!;
    const act = g.findNode('act')!;
    expect(fc.output().uses).toEqual([{ node: act, index: 0 }]);
    const id = g.addNode({ op: 'Identity', name: 'id', inputs: [fc.output()] });
    g.replaceAllUses(act.output(), id.output());
    expect(g.outputs[0]).toBe(id.output());
    g.removeNode(act);
    expect(fc.output().uses.map((u) => u.node.name)).toEqual(['id']);
  });

  it('refuses to remove a node whose output is still read', () => {
    const g = linearChain();
    expect(() => g.removeNode(g.findNode('fc')!)).toThrow(/still used/);
  });

  it('removes dead nodes and unused constants', () => {
    const g = linearChain();
    const x = g.inputs[0]!;
    g.addNode({ op: 'Sigmoid', name: 'unused', inputs: [x] });
    g.addConstant('orphan', Tensor.float32([1], [0]));
    expect(g.removeDeadCode()).toBe(1);
    expect(g.findNode('unused')).toBeUndefined();
    expect(g.findValue('orphan')).toBeUndefined();
    expect(g.findValue('w')).toBeDefined();
  });

  it('makes node and value names unique', () => {
    const g = linearChain();
    const n = g.addNode({ op: 'Relu', name: 'act', inputs: [g.inputs[0]!] });
    expect(n.name).toBe('act_1');
    expect(n.output().name).toBe('act_1');
  });

  it('sorts topologically and stably, and names a node of a cycle', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [2] });
    const a = g.addNode({ op: 'Relu', name: 'a', inputs: [x] });
    const c = g.addNode({ op: 'Sigmoid', name: 'c', inputs: [x] });
    const b = g.addNode({ op: 'Add', name: 'b', inputs: [a.output(), c.output()], before: a });
    expect(g.nodes.map((n) => n.name)).toEqual(['b', 'a', 'c']);
    g.sortTopologically();
    expect(g.nodes.map((n) => n.name)).toEqual(['a', 'c', 'b']);
    a.setInput(0, b.output());
    expect(() => g.sortTopologically()).toThrow(/cycle through node '(a|b)'/);
  });

  it('rejects an inconsistent node at creation with a message naming it', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [2, 5] });
    const w = g.addConstant('w', Tensor.float32([3, 4], new Array(12).fill(0)));
    expect(() => g.addNode({ op: 'Linear', name: 'bad_fc', inputs: [x, w] })).toThrow(
      /node 'bad_fc' \(Linear\): input's last dim 5 does not match weight \[3,4\]/,
    );
    expect(g.findNode('bad_fc')).toBeUndefined();
  });

  it('rejects unknown ops naming the node', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [2] });
    expect(() => g.addNode({ op: 'Frobnicate', name: 'f', inputs: [x] })).toThrow(QtkError);
    expect(() => g.addNode({ op: 'Frobnicate', name: 'f', inputs: [x] })).toThrow(/node 'f': unknown op 'Frobnicate'/);
  });

  it('clones structurally, sharing constant tensors', () => {
    const g = linearChain();
    const c = cloneGraph(g);
    expect(formatGraph(c)).toBe(formatGraph(g));
    expect(c.findValue('w')?.constant).toBe(g.findValue('w')?.constant);
    expect(c.findNode('fc')).not.toBe(g.findNode('fc'));
    verifyGraph(c);
  });
});

describe('formatGraph', () => {
  it('prints inputs, constants, nodes with attributes, and outputs', () => {
    const g = new Graph('tiny');
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 6] });
    const s = g.addNode({ op: 'Softmax', name: 'sm', inputs: [x], attrs: { axis: 1 } });
    g.setOutputs([s.output()]);
    expect(formatGraph(g)).toBe(
      [
        'graph tiny',
        '  input  x: float32[1,6]',
        '  node   sm = Softmax(x) {axis: 1} -> sm: float32[1,6]',
        '  output sm: float32[1,6]',
        '',
      ].join('\n'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  anyValue,
  constantValue,
  findMatches,
  Graph,
  type Match,
  opPattern,
  type RewriteRule,
  replaceMatch,
  rewriteGraph,
  Tensor,
  verifyGraph,
} from '../../src/index.js';

/** x -> MatMul(w [in, out]) -> Add(b) -> Relu, as PyTorch exports a 3-D Linear. */
function exported(extraReader = false): Graph {
  const g = new Graph();
  const x = g.addInput('x', { dtype: 'float32', shape: [2, 5, 4] });
  const w = g.addConstant('w', Tensor.float32([4, 3], new Array(12).fill(1)));
  const b = g.addConstant('b', Tensor.float32([3], [1, 2, 3]));
  const mm = g.addNode({ op: 'MatMul', name: '/fc/MatMul', inputs: [x, w] });
  const add = g.addNode({ op: 'Add', name: '/fc/Add', inputs: [b, mm.output()] });
  const relu = g.addNode({ op: 'Relu', name: '/act/Relu', inputs: [add.output()] });
  const outs = [relu.output()];
  if (extraReader) outs.push(mm.output());
  g.setOutputs(outs);
  return g;
}

const linearPattern = opPattern(
  'Add',
  [opPattern('MatMul', [anyValue('x'), constantValue('w')], { capture: 'mm' }), constantValue('b')],
  {
    commutative: true,
    capture: 'add',
  },
);

const fuseLinear: RewriteRule = {
  name: 'fuse-linear',
  pattern: linearPattern,
  apply(m: Match, g: Graph) {
    const w = m.values.w!.constant!;
    const [k, n] = w.shape as [number, number];
    const wt = Tensor.zeros('float32', [n, k]);
    for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) wt.data[j * k + i] = w.data[i * n + j] as number;
    replaceMatch(g, m, {
      op: 'Linear',
      name: 'fc',
      inputs: [m.values.x!, g.addConstant('fc.weight', wt), m.values.b!],
    });
    return true;
  },
};

describe('pattern matching', () => {
  it('matches a commuted Add over a MatMul and captures nodes and values', () => {
    const g = exported();
    const matches = findMatches(g, linearPattern);
    expect(matches).toHaveLength(1);
    const m = matches[0]!;
    expect(m.nodes.mm?.name).toBe('/fc/MatMul');
    expect(m.values.w?.name).toBe('w');
    expect(m.values.b?.name).toBe('b');
    expect(m.covered.map((n) => n.name)).toEqual(['/fc/Add', '/fc/MatMul']);
  });

  it('does not match when an inner node is read outside the match', () => {
    expect(findMatches(exported(true), linearPattern)).toHaveLength(0);
  });

  it('does not match without commutative when operands are swapped', () => {
    const strict = opPattern('Add', [opPattern('MatMul', [anyValue(), constantValue()]), constantValue()]);
    expect(findMatches(exported(), strict)).toHaveLength(0);
  });
});

describe('rewriteGraph', () => {
  it('replaces the match, keeps downstream value names, and leaves a valid graph', () => {
    const g = exported();
    const addOut = g.findNode('/fc/Add')!.output().name;
    const fired = rewriteGraph(g, [fuseLinear]);
    expect(fired).toEqual({ 'fuse-linear': 1 });
    g.removeDeadCode();
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual(['fc:Linear', '/act/Relu:Relu']);
    expect(g.findNode('fc')!.output().name).toBe(addOut);
    expect(g.findValue('w')).toBeUndefined();
    verifyGraph(g);
  });

  it('replaces a DAG-shaped match whose inner nodes read each other', () => {
    // d = x - c feeds both Add(d, Mul) and Mul(d, d): the pattern covers Sub once (first) and
    // reaches it again through a capture under the Mul, which is covered after it.
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [3] });
    const c = g.addConstant('c', Tensor.float32([], [1]));
    const sub = g.addNode({ op: 'Sub', name: 'sub', inputs: [x, c] });
    const sq = g.addNode({ op: 'Mul', name: 'sq', inputs: [sub.output(), sub.output()] });
    const add = g.addNode({ op: 'Add', name: 'add', inputs: [sub.output(), sq.output()] });
    g.setOutputs([add.output()]);
    const pattern = opPattern('Add', [
      opPattern('Sub', [anyValue('x'), constantValue()], { capture: 'sub' }),
      opPattern('Mul', [anyValue('d'), anyValue('d')]),
    ]);
    const rule: RewriteRule = {
      name: 'diamond',
      pattern,
      apply(m, graph) {
        if (m.values.d !== m.nodes.sub?.output()) return false;
        replaceMatch(graph, m, { op: 'Relu', name: 'fused', inputs: [m.values.x!] });
        return true;
      },
    };
    expect(rewriteGraph(g, [rule])).toEqual({ diamond: 1 });
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual(['fused:Relu']);
    verifyGraph(g);
  });

  it('turns a rule that never stops into an error instead of a hang', () => {
    const g = exported();
    const rename: RewriteRule = {
      name: 'spin',
      pattern: opPattern('Relu', [anyValue()]),
      apply: () => true,
    };
    expect(() => rewriteGraph(g, [rename])).toThrow(/does not converge/);
  });
});

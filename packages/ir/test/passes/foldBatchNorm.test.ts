import { describe, expect, it } from 'vitest';
import { foldBatchNorms, Graph, Tensor, verifyGraph } from '../../src/index.js';

function convBn(convBias: boolean, extraReader = false): Graph {
  const g = new Graph();
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 1, 2, 2] });
  const w = g.addConstant('w', Tensor.float32([2, 1, 1, 1], [2, 3]));
  const b = convBias ? g.addConstant('b', Tensor.float32([2], [1, -1])) : null;
  const conv = g.addNode({ op: 'Conv', name: 'conv', inputs: [x, w, b] });
  const c = (name: string, v: number[]) => g.addConstant(name, Tensor.float32([2], v));
  const bn = g.addNode({
    op: 'BatchNorm',
    name: 'bn',
    inputs: [conv.output(), c('gamma', [1, 2]), c('beta', [0.5, 0]), c('mean', [1, 2]), c('var', [3, 0])],
    attrs: { epsilon: 1 },
  });
  g.setOutputs(extraReader ? [bn.output(), conv.output()] : [bn.output()]);
  return g;
}

describe('foldBatchNorms', () => {
  it('folds BN into the conv weight and bias (hand-computed)', () => {
    const g = convBn(true);
    expect(foldBatchNorms(g)).toBe(1);
    verifyGraph(g);
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual(['conv:Conv']);
    const conv = g.nodes[0]!;
    // k = gamma / sqrt(var + eps) = [1/2, 2]; W' = W k = [1, 6]; b' = (b - mean) k + beta = [0.5, -6]
    expect(conv.inputs[1]?.constant?.toNumbers()).toEqual([1, 6]);
    expect(conv.inputs[2]?.constant?.toNumbers()).toEqual([0.5, -6]);
    expect(g.outputs[0]?.name).toBe('bn');
  });

  it('creates a bias when the conv had none', () => {
    const g = convBn(false);
    foldBatchNorms(g);
    // b' = (0 - mean) k + beta = [-0.5 + 0.5, -4] = [0, -4]
    expect(g.nodes[0]?.inputs[2]?.constant?.toNumbers()).toEqual([0, -4]);
  });

  it('leaves the pair alone when the conv output is read elsewhere', () => {
    const g = convBn(true, true);
    expect(foldBatchNorms(g)).toBe(0);
    expect(g.nodes.map((n) => n.op)).toEqual(['Conv', 'BatchNorm']);
  });
});

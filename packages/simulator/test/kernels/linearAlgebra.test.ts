import { Graph, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runGraph } from '../../src/index.js';
import { runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const c = (t: Tensor) => ({ constant: t });

describe('MatMul', () => {
  const b = f32([3, 2], [7, 8, 9, 10, 11, 12]);
  it('multiplies matrices: [[1,2,3],[4,5,6]] x [[7,8],[9,10],[11,12]] = [[58,64],[139,154]]', () => {
    // 1*7 + 2*9 + 3*11 = 58; 1*8 + 2*10 + 3*12 = 64; 4*7 + 5*9 + 6*11 = 139; 4*8 + 5*10 + 6*12 = 154
    const y = runOp1('MatMul', [f32([2, 3], [1, 2, 3, 4, 5, 6]), b]);
    expect(y.shape).toEqual([2, 2]);
    expect(y.toNumbers()).toEqual([58, 64, 139, 154]);
  });

  it('promotes 1-D operands and drops their unit dim', () => {
    expect(runOp1('MatMul', [f32([3], [1, 2, 3]), b]).toNumbers()).toEqual([58, 64]);
    // [[1,2,3],[4,5,6]] . [1,0,-1] = [1-3, 4-6]
    const y = runOp1('MatMul', [f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([3], [1, 0, -1])]);
    expect(y.shape).toEqual([2]);
    expect(y.toNumbers()).toEqual([-2, -2]);
    // vector . vector = 1*1 + 2*0 + 3*-1 = -2, a scalar
    const s = runOp1('MatMul', [f32([3], [1, 2, 3]), f32([3], [1, 0, -1])]);
    expect(s.shape).toEqual([]);
    expect(s.toNumbers()).toEqual([-2]);
  });

  it('batches and broadcasts the leading dims', () => {
    // A [2,2,2] = [I, 2I], B [2,2] = [[1,2],[3,4]] -> [B, 2B]
    const y = runOp1('MatMul', [f32([2, 2, 2], [1, 0, 0, 1, 2, 0, 0, 2]), f32([2, 2], [1, 2, 3, 4])]);
    expect(y.shape).toEqual([2, 2, 2]);
    expect(y.toNumbers()).toEqual([1, 2, 3, 4, 2, 4, 6, 8]);
    // A [2,1,1,2] = rows [1,1] and [1,-1]; B [3,2,1] = columns [1,0], [0,1], [1,1] -> [2,3,1,1]
    const z = runOp1('MatMul', [f32([2, 1, 1, 2], [1, 1, 1, -1]), f32([3, 2, 1], [1, 0, 0, 1, 1, 1])]);
    expect(z.shape).toEqual([2, 3, 1, 1]);
    expect(z.toNumbers()).toEqual([1, 1, 2, 1, -1, 0]);
  });

  it('reports inner dims that differ at run time (a symbolic dim fed the wrong size)', () => {
    const g = new Graph();
    const a = g.addInput('a', { dtype: 'float32', shape: [2, 'k'] });
    const w = g.addConstant('w', f32([3, 2], [1, 2, 3, 4, 5, 6]));
    g.setOutputs([g.addNode({ op: 'MatMul', name: 'mm', inputs: [a, w] }).output()]);
    expect(() => runGraph(g, { a: f32([2, 4], [1, 2, 3, 4, 5, 6, 7, 8]) })).toThrow(
      "node 'mm' (MatMul): inner dims differ: [2,4] x [3,2]",
    );
  });
});

describe('Linear and Gemm', () => {
  it('Linear computes x W^T + b over the last dim of a 3-D input', () => {
    // W rows [1,0], [0,1], [1,1]; b [0.5, 0, -1]: [1,2] -> [1.5, 2, 2]; [3,-1] -> [3.5, -1, 1]
    const w = c(f32([3, 2], [1, 0, 0, 1, 1, 1]));
    const y = runOp1('Linear', [f32([2, 1, 2], [1, 2, 3, -1]), w, c(f32([3], [0.5, 0, -1]))]);
    expect(y.shape).toEqual([2, 1, 3]);
    expect(y.toNumbers()).toEqual([1.5, 2, 2, 3.5, -1, 1]);
    expect(runOp1('Linear', [f32([2], [1, 2]), w]).toNumbers()).toEqual([1, 2, 3]);
  });

  it('Gemm with transA, alpha, beta and a row-broadcast C', () => {
    // A^T = [[1,3],[2,4]]; A^T I = A^T; 2 A^T + 0.5 [10, 20] = [[2+5, 6+10], [4+5, 8+10]]
    const y = runOp1('Gemm', [f32([2, 2], [1, 2, 3, 4]), f32([2, 2], [1, 0, 0, 1]), f32([2], [10, 20])], {
      transA: 1,
      alpha: 2,
      beta: 0.5,
    });
    expect(y.toNumbers()).toEqual([7, 16, 9, 18]);
  });

  it('Gemm with transB and a column C', () => {
    // B^T = [[1,0],[2,1]]; [[1,2],[3,4]] B^T = [[1+4, 2], [3+8, 4]]; + C [[1],[-1]]
    const y = runOp1('Gemm', [f32([2, 2], [1, 2, 3, 4]), f32([2, 2], [1, 2, 0, 1]), f32([2, 1], [1, -1])], {
      transB: 1,
    });
    expect(y.toNumbers()).toEqual([6, 3, 10, 3]);
  });
});

import { Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runOp, runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const i64 = (...values: (number | bigint)[]) => ({ constant: Tensor.int64([values.length], values) });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('shape-only ops', () => {
  const x = f32([2, 3], range(6));
  it('Reshape copies dims with 0 and infers -1', () => {
    const y = runOp1('Reshape', [f32([2, 3, 4], range(24)), i64(0, -1, 2)]);
    expect(y.shape).toEqual([2, 6, 2]);
    expect(y.toNumbers()).toEqual(range(24));
  });

  it('Flatten at 0, at 1 and at a negative axis', () => {
    expect(runOp1('Flatten', [x], { axis: 0 }).shape).toEqual([1, 6]);
    expect(runOp1('Flatten', [f32([2, 3, 4], range(24))]).shape).toEqual([2, 12]);
    expect(runOp1('Flatten', [f32([2, 3, 4], range(24))], { axis: -1 }).shape).toEqual([6, 4]);
  });

  it('Squeeze and Unsqueeze', () => {
    const y = f32([1, 3, 1], [1, 2, 3]);
    expect(runOp1('Squeeze', [y]).shape).toEqual([3]);
    expect(runOp1('Squeeze', [y, i64(-1)]).shape).toEqual([1, 3]);
    expect(runOp1('Unsqueeze', [x, i64(0, 3)]).shape).toEqual([1, 2, 3, 1]);
  });

  it('Shape with start and end', () => {
    const s = runOp1('Shape', [f32([2, 3, 4], range(24))], { start: 1 });
    expect(s.dtype).toBe('int64');
    expect(s.toNumbers()).toEqual([3, 4]);
    expect(runOp1('Shape', [f32([2, 3, 4], range(24))], { end: -1 }).toNumbers()).toEqual([2, 3]);
  });
});

describe('data movement', () => {
  it('Transpose reverses dims by default and follows perm', () => {
    // [[0,1,2],[3,4,5]]^T = [[0,3],[1,4],[2,5]]
    const t = runOp1('Transpose', [f32([2, 3], range(6))]);
    expect(t.shape).toEqual([3, 2]);
    expect(t.toNumbers()).toEqual([0, 3, 1, 4, 2, 5]);
    // x[a][b][c] = 12a + 4b + c; perm [1,2,0] gives y[b][c][a] = x[a][b][c]: 0, 12, 1, 13, 2, 14, ...
    const y = runOp1('Transpose', [f32([2, 3, 4], range(24))], { perm: [1, 2, 0] });
    expect(y.shape).toEqual([3, 4, 2]);
    expect(y.toNumbers().slice(0, 6)).toEqual([0, 12, 1, 13, 2, 14]);
  });

  it('Concat along an inner axis, also int64', () => {
    // [[0],[1]] ++ [[2,3],[4,5]] on axis 1 = [[0,2,3],[1,4,5]]
    const y = runOp1('Concat', [f32([2, 1], [0, 1]), f32([2, 2], [2, 3, 4, 5])], { axis: -1 });
    expect(y.toNumbers()).toEqual([0, 2, 3, 1, 4, 5]);
    const z = runOp1('Concat', [Tensor.int64([1], [7]), Tensor.int64([2], [8, 9])], { axis: 0 });
    expect(z.toNumbers()).toEqual([7, 8, 9]);
  });

  it('Split into equal parts (the last smaller) and into given sizes', () => {
    const [a, b] = runOp('Split', [f32([5], range(5))], {}, 2);
    expect(a?.toNumbers()).toEqual([0, 1, 2]);
    expect(b?.toNumbers()).toEqual([3, 4]);
    // [2,3] split on axis 1 into [1, 2]: [[0],[3]] and [[1,2],[4,5]]
    const [p, q] = runOp('Split', [f32([2, 3], range(6)), i64(1, 2)], { axis: 1 }, 2);
    expect(p?.toNumbers()).toEqual([0, 3]);
    expect(q?.toNumbers()).toEqual([1, 2, 4, 5]);
  });

  it('Slice with negative steps, clamped bounds and explicit axes', () => {
    // 0..9 from the last backwards in steps of 3: 9, 6, 3, 0 (end far below 0 clamps to "before 0")
    const x = f32([10], range(10));
    expect(runOp1('Slice', [x, i64(-1), i64(-(2n ** 63n)), i64(0), i64(-3)]).toNumbers()).toEqual([9, 6, 3, 0]);
    // [3,4] = 0..11; axis 1 from 1 to the end (end past the dim clamps): [[1,2,3],[5,6,7],[9,10,11]]
    const m = f32([3, 4], range(12));
    expect(runOp1('Slice', [m, i64(1), i64(1000), i64(1)]).toNumbers()).toEqual([1, 2, 3, 5, 6, 7, 9, 10, 11]);
    // both axes: rows 2..0 backwards, columns 0..4 step 2: [[8,10],[4,6]]
    expect(runOp1('Slice', [m, i64(2, 0), i64(0, 4), i64(0, 1), i64(-1, 2)]).toNumbers()).toEqual([8, 10, 4, 6]);
  });

  it('Gather with negative indices, on any axis, with 2-D indices', () => {
    const data = f32([3, 2], [0, 1, 2, 3, 4, 5]);
    // rows -1 (= 2) and 0
    expect(runOp1('Gather', [data, i64(-1, 0)]).toNumbers()).toEqual([4, 5, 0, 1]);
    // column 1 of each row, indices [[1]] -> shape [3, 1, 1]
    const y = runOp1('Gather', [data, { constant: Tensor.int64([1, 1], [1]) }], { axis: 1 });
    expect(y.shape).toEqual([3, 1, 1]);
    expect(y.toNumbers()).toEqual([1, 3, 5]);
  });

  it('Gather with an index out of range is an error naming the node', () => {
    const data = f32([3, 2], [0, 1, 2, 3, 4, 5]);
    expect(() => runOp1('Gather', [data, i64(3)])).toThrow(
      "node 'node' (Gather): index 3 is out of range for axis 0 of size 3 (data [3,2])",
    );
    expect(() => runOp1('Gather', [data, i64(-4)])).toThrow(/index -4 is out of range/);
  });
});

import { Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runOp, runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const i64 = (...values: (number | bigint)[]) => ({ constant: Tensor.int64([values.length], values) });
const int8 = (shape: number[], values: number[]) => new Tensor('int8', shape, Int8Array.from(values));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('ReduceMax, ReduceMin, ReduceSum', () => {
  // [[1, 5, 2], [4, 0, 6]]
  const x = f32([2, 3], [1, 5, 2, 4, 0, 6]);

  it('reduce the axes attribute, all axes without it, keeping them or not', () => {
    expect(runOp1('ReduceMax', [x], { axes: [1] }).toNumbers()).toEqual([5, 6]);
    expect(runOp1('ReduceMin', [x], { axes: [0], keepdims: 0 }).toNumbers()).toEqual([1, 0, 2]);
    const sum = runOp1('ReduceSum', [x]);
    expect(sum.shape).toEqual([1, 1]);
    expect(sum.toNumbers()).toEqual([18]);
    // x[a][b][c] = 4a + 2b + c over [2,2,2]; axes 0 and 2: {0,1,4,5} and {2,3,6,7}
    const cube = f32([2, 2, 2], range(8));
    expect(runOp1('ReduceSum', [cube], { axes: [0, 2], keepdims: 0 }).toNumbers()).toEqual([10, 18]);
    expect(runOp1('ReduceMax', [cube], { axes: [-1, 0], keepdims: 0 }).toNumbers()).toEqual([5, 7]);
  });

  it('take axes from an input, computed or constant; empty ones are all axes, or none with noop_with_empty_axes', () => {
    const axes = Tensor.int64([1], [-1]);
    const y = runOp1('ReduceSum', [x, axes], { keepdims: 0 });
    expect(y.shape).toEqual([2]);
    expect(y.toNumbers()).toEqual([8, 10]);
    expect(runOp1('ReduceSum', [x, Tensor.int64([0], [])]).toNumbers()).toEqual([18]);
    const same = runOp1('ReduceMin', [x, Tensor.int64([0], [])], { noop_with_empty_axes: 1 });
    expect(same.shape).toEqual([2, 3]);
    expect(same.toNumbers()).toEqual(x.toNumbers());
    expect(runOp1('ReduceMax', [x, i64(0)]).toNumbers()).toEqual([4, 5, 6]);
  });

  it('keep their dtype: int8 and uint8 sums wrap, int64 is exact, bool max is any', () => {
    const small = int8([3], [100, 100, -10]);
    expect(runOp1('ReduceMax', [small]).dtype).toBe('int8');
    // 190 wraps to 190 - 256 = -66, as an int8 accumulator in C does.
    expect(runOp1('ReduceSum', [small]).toNumbers()).toEqual([-66]);
    const big = Tensor.int64([3], [2n ** 62n, 2n ** 62n - 1n, -1n]);
    expect(runOp1('ReduceSum', [big]).data[0]).toBe(2n ** 63n - 2n);
    expect(runOp1('ReduceMax', [big]).data[0]).toBe(2n ** 62n);
    expect(runOp1('ReduceMin', [big]).data[0]).toBe(-1n);
    const flags = new Tensor('bool', [2, 2], Uint8Array.from([0, 1, 0, 0]));
    expect(runOp1('ReduceMax', [flags], { axes: [1] }).toNumbers()).toEqual([1, 0]);
    expect(() => runOp1('ReduceSum', [flags])).toThrow(/input dtype bool is not one of/);
  });

  it('NaN wins a max or a min, as in NumPy and PyTorch; an empty reduction gives -inf / 0', () => {
    const nan = f32([4], [1, Number.NaN, 3, 2]);
    expect(runOp1('ReduceMax', [nan]).toNumbers()).toEqual([Number.NaN]);
    expect(runOp1('ReduceMin', [nan]).toNumbers()).toEqual([Number.NaN]);
    const empty = f32([2, 0], []);
    expect(runOp1('ReduceMax', [empty], { axes: [1] }).toNumbers()).toEqual([-Infinity, -Infinity]);
    expect(runOp1('ReduceSum', [empty], { axes: [1] }).toNumbers()).toEqual([0, 0]);
  });

  it('axes out of range are an error naming the node', () => {
    expect(() => runOp1('ReduceSum', [x, Tensor.int64([1], [2])])).toThrow(
      /node 'node' \(ReduceSum\): axes \[2\] out of range for rank 2/,
    );
  });

  it('GlobalMaxPool: the largest element of each plane, any dtype', () => {
    // planes [0..3], [4..7] of a [1,2,2,2]; int8 planes [-5, -1], [7, 3]
    const y = runOp1('GlobalMaxPool', [f32([1, 2, 2, 2], range(8))]);
    expect(y.shape).toEqual([1, 2, 1, 1]);
    expect(y.toNumbers()).toEqual([3, 7]);
    expect(runOp1('GlobalMaxPool', [int8([1, 2, 2], [-5, -1, 7, 3])]).toNumbers()).toEqual([-1, 7]);
  });
});

describe('ArgMax and ArgMin', () => {
  // [[3, 7, 7], [9, 1, 9]]
  const x = f32([2, 3], [3, 7, 7, 9, 1, 9]);

  it('the first index of the extreme on ties, the last with select_last_index; int64 output', () => {
    const first = runOp1('ArgMax', [x], { axis: 1 });
    expect(first.dtype).toBe('int64');
    expect(first.shape).toEqual([2, 1]);
    expect(first.toNumbers()).toEqual([1, 0]);
    expect(runOp1('ArgMax', [x], { axis: 1, select_last_index: 1, keepdims: 0 }).toNumbers()).toEqual([2, 2]);
    expect(runOp1('ArgMin', [x], { axis: 0, keepdims: 0 }).toNumbers()).toEqual([0, 1, 0]);
    expect(runOp1('ArgMin', [x], { axis: -1, keepdims: 0 }).toNumbers()).toEqual([0, 1]);
  });

  it('int8 and int64 inputs; NaN counts as the extreme (the first one)', () => {
    expect(runOp1('ArgMax', [int8([4], [-3, 5, 5, -128])], { keepdims: 0 }).toNumbers()).toEqual([1]);
    const big = Tensor.int64([3], [2n ** 62n + 1n, 2n ** 62n + 3n, 2n ** 62n + 2n]);
    expect(runOp1('ArgMax', [big], { keepdims: 0 }).toNumbers()).toEqual([1]);
    const nan = f32([4], [1, Number.NaN, 3, Number.NaN]);
    expect(runOp1('ArgMax', [nan], { keepdims: 0 }).toNumbers()).toEqual([1]);
    expect(runOp1('ArgMin', [nan], { keepdims: 0 }).toNumbers()).toEqual([1]);
  });
});

describe('TopK', () => {
  // [[1, 4, 4, 2], [0, 3, 5, 3]]
  const x = f32([2, 4], [1, 4, 4, 2, 0, 3, 5, 3]);

  it('the K largest in order with their indices; equal values lower index first', () => {
    const [v, i] = runOp('TopK', [x, i64(3)], {}, 2);
    expect(v?.shape).toEqual([2, 3]);
    expect(v?.toNumbers()).toEqual([4, 4, 2, 5, 3, 3]);
    expect(i?.dtype).toBe('int64');
    expect(i?.toNumbers()).toEqual([1, 2, 3, 2, 1, 3]);
  });

  it('the K smallest along another axis, K from a computed input; int64 values exactly', () => {
    const [v, i] = runOp('TopK', [x, Tensor.int64([1], [1])], { axis: 0, largest: 0 }, 2);
    expect(v?.toNumbers()).toEqual([0, 3, 4, 2]);
    expect(i?.toNumbers()).toEqual([1, 1, 0, 0]);
    const big = Tensor.int64([3], [2n ** 62n + 1n, 2n ** 62n + 3n, 2n ** 62n + 2n]);
    const [bv, bi] = runOp('TopK', [big, i64(2)], {}, 2);
    expect([...((bv as Tensor).data as BigInt64Array)]).toEqual([2n ** 62n + 3n, 2n ** 62n + 2n]);
    expect(bi?.toNumbers()).toEqual([1, 2]);
  });

  it('K = 0 gives empty outputs; K past the dim is an error naming the node', () => {
    const [v] = runOp('TopK', [x, Tensor.int64([1], [0])], {}, 2);
    expect(v?.shape).toEqual([2, 0]);
    expect(() => runOp('TopK', [x, Tensor.int64([1], [5])], {}, 2)).toThrow(
      /node 'node' \(TopK\): K \[5\] must be one value in 0\.\.4/,
    );
  });
});

describe('CumSum', () => {
  // [[1, 2, 3], [4, 5, 6]]
  const x = f32([2, 3], [1, 2, 3, 4, 5, 6]);
  const axis = (a: number) => new Tensor('int32', [], Int32Array.of(a));

  it('running sums along the axis, exclusive and reverse', () => {
    expect(runOp1('CumSum', [x, axis(1)]).toNumbers()).toEqual([1, 3, 6, 4, 9, 15]);
    expect(runOp1('CumSum', [x, axis(0)]).toNumbers()).toEqual([1, 2, 3, 5, 7, 9]);
    expect(runOp1('CumSum', [x, axis(-1)], { exclusive: 1 }).toNumbers()).toEqual([0, 1, 3, 0, 4, 9]);
    expect(runOp1('CumSum', [x, axis(1)], { reverse: 1 }).toNumbers()).toEqual([6, 5, 3, 15, 11, 6]);
    expect(runOp1('CumSum', [x, axis(1)], { reverse: 1, exclusive: 1 }).toNumbers()).toEqual([5, 3, 0, 11, 6, 0]);
  });

  it('int64 and int32 (position ids from a mask), the axis an int64 1-element tensor', () => {
    const mask = Tensor.int64([1, 5], [1, 1, 1, 0, 0]);
    const y = runOp1('CumSum', [mask, Tensor.int64([1], [1])]);
    expect(y.dtype).toBe('int64');
    expect(y.toNumbers()).toEqual([1, 2, 3, 3, 3]);
    const ints = new Tensor('int32', [3], Int32Array.of(2 ** 31 - 1, 1, 1));
    // int32 wraps as C's does: 2^31 - 1 + 1 = -2^31.
    expect(runOp1('CumSum', [ints, axis(0)]).toNumbers()).toEqual([2 ** 31 - 1, -(2 ** 31), -(2 ** 31) + 1]);
    expect(() => runOp1('CumSum', [x, axis(2)])).toThrow(/axis \[2\] must be one axis of rank 2/);
  });
});

describe('Einsum', () => {
  const a = f32([2, 3], [1, 2, 3, 4, 5, 6]);

  it('products, sums, transposes and diagonals by hand', () => {
    // [[1,2,3],[4,5,6]] x [[1,0],[0,1],[1,1]] = [[4,5],[10,11]]
    const b = f32([3, 2], [1, 0, 0, 1, 1, 1]);
    expect(runOp1('Einsum', [a, b], { equation: 'ij,jk->ik' }).toNumbers()).toEqual([4, 5, 10, 11]);
    expect(runOp1('Einsum', [a], { equation: 'ij->j' }).toNumbers()).toEqual([5, 7, 9]);
    expect(runOp1('Einsum', [a], { equation: 'ij->ji' }).toNumbers()).toEqual([1, 4, 2, 5, 3, 6]);
    expect(runOp1('Einsum', [a], { equation: 'ij' }).toNumbers()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(runOp1('Einsum', [a], { equation: 'ji' }).toNumbers()).toEqual([1, 4, 2, 5, 3, 6]);
    // [[0,1,2],[3,4,5],[6,7,8]]: diagonal 0, 4, 8; trace 12
    const sq = f32([3, 3], range(9));
    expect(runOp1('Einsum', [sq], { equation: 'ii->i' }).toNumbers()).toEqual([0, 4, 8]);
    expect(runOp1('Einsum', [sq], { equation: 'ii' }).toNumbers()).toEqual([12]);
    // Outer product and a three-operand chain: (1,2) x (3,4,5) and 1 x a x 1s
    expect(runOp1('Einsum', [f32([2], [1, 2]), f32([3], [3, 4, 5])], { equation: 'i,j' }).toNumbers()).toEqual([
      3, 4, 5, 6, 8, 10,
    ]);
    const chain = runOp1('Einsum', [f32([1, 2], [1, 1]), a, f32([3, 1], [1, 1, 1])], { equation: 'ij,jk,kl->il' });
    expect(chain.toNumbers()).toEqual([21]);
  });

  it('an ellipsis broadcasts its dims, a labelled dim of size 1 broadcasts too', () => {
    // batch of two 1x2 rows times one shared [2,1] column: (1*1 + 2*2, 3*1 + 4*2)
    const rows = f32([2, 1, 2], [1, 2, 3, 4]);
    const col = f32([2, 1], [1, 2]);
    const y = runOp1('Einsum', [rows, col], { equation: '...ij,...jk->...ik' });
    expect(y.shape).toEqual([2, 1, 1]);
    expect(y.toNumbers()).toEqual([5, 11]);
    const scale = f32([1, 3], [1, 10, 100]);
    expect(runOp1('Einsum', [a, scale], { equation: 'ij,ij->ij' }).toNumbers()).toEqual([1, 20, 300, 4, 50, 600]);
  });

  it('float64 in, float64 out; integer operands are refused', () => {
    const d = new Tensor('float64', [2], Float64Array.of(0.1, 0.2));
    const y = runOp1('Einsum', [d, d], { equation: 'i,i' });
    expect(y.dtype).toBe('float64');
    expect(y.toNumbers()[0]).toBe(0.1 * 0.1 + 0.2 * 0.2);
    expect(() => runOp1('Einsum', [Tensor.int64([2], [1, 2])], { equation: 'i' })).toThrow(
      /input dtype int64 is not float32 or float64/,
    );
  });
});

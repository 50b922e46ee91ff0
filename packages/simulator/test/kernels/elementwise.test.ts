import { QtkError, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const values = (t: Tensor) => t.toNumbers();
const fround = (v: number[]) => v.map(Math.fround);

describe('broadcasting binary ops', () => {
  it('adds a row and a column (NumPy broadcasting)', () => {
    // [[1],[2]] + [10, 20, 30] = [[11, 21, 31], [12, 22, 32]]
    const y = runOp1('Add', [f32([2, 1], [1, 2]), f32([3], [10, 20, 30])]);
    expect(y.shape).toEqual([2, 3]);
    expect(values(y)).toEqual([11, 21, 31, 12, 22, 32]);
  });

  it('broadcasts a middle dim and a scalar', () => {
    // a [2,1,2] = [[[1,2]],[[3,4]]], b [3,1] = [[0],[10],[20]] -> [2,3,2]
    const y = runOp1('Sub', [f32([2, 1, 2], [1, 2, 3, 4]), f32([3, 1], [0, 10, 20])]);
    expect(y.shape).toEqual([2, 3, 2]);
    expect(values(y)).toEqual([1, 2, -9, -8, -19, -18, 3, 4, -7, -6, -17, -16]);
    // x * 0.5 with a rank-0 scalar
    expect(values(runOp1('Mul', [f32([2, 2], [1, 2, 3, 4]), f32([], [0.5])]))).toEqual([0.5, 1, 1.5, 2]);
  });

  it('rounds float32 results once: 1/3 is the float32 nearest to the real 1/3', () => {
    const y = runOp1('Div', [f32([2], [1, 2]), f32([2], [3, 3])]);
    expect(values(y)).toEqual(fround([1 / 3, 2 / 3]));
  });

  it('computes float64 in double', () => {
    const y = runOp1('Div', [
      new Tensor('float64', [1], Float64Array.of(1)),
      new Tensor('float64', [1], Float64Array.of(3)),
    ]);
    expect(y.dtype).toBe('float64');
    expect(values(y)).toEqual([1 / 3]);
  });

  it('integer Div truncates toward zero, for int32, int8, uint8 and int64', () => {
    // 7/2 = 3.5 -> 3; -7/2 = -3.5 -> -3; 7/-2 -> -3; -7/-2 -> 3
    const i32 = (v: number[]) => new Tensor('int32', [v.length], Int32Array.from(v));
    expect(values(runOp1('Div', [i32([7, -7, 7, -7]), i32([2, 2, -2, -2])]))).toEqual([3, -3, -3, 3]);
    const i8 = (v: number[]) => new Tensor('int8', [v.length], Int8Array.from(v));
    expect(values(runOp1('Div', [i8([-128, 127]), i8([3, -5])]))).toEqual([-42, -25]);
    const u8 = (v: number[]) => new Tensor('uint8', [v.length], Uint8Array.from(v));
    expect(values(runOp1('Div', [u8([255, 9]), u8([2, 10])]))).toEqual([127, 0]);
    expect(values(runOp1('Div', [Tensor.int64([2], [-9n, 9n]), Tensor.int64([1], [4n])]))).toEqual([-2, 2]);
  });

  it('integer Add/Sub/Mul wrap like the storage type', () => {
    const i8 = (v: number[]) => new Tensor('int8', [v.length], Int8Array.from(v));
    // 127 + 1 = 128 -> -128 in int8; -128 - 1 -> 127; 16 * 16 = 256 -> 0
    expect(values(runOp1('Add', [i8([127]), i8([1])]))).toEqual([-128]);
    expect(values(runOp1('Sub', [i8([-128]), i8([1])]))).toEqual([127]);
    expect(values(runOp1('Mul', [i8([16]), i8([16])]))).toEqual([0]);
    // int32: 65537 * 65537 = 4295098369 = 2^32 + 131073 -> 131073 (a double product would be exact
    // here, but 2^31-1 squared would not: Math.imul keeps it exact): (2^31-1)^2 mod 2^32 = 1
    const i32 = (v: number[]) => new Tensor('int32', [v.length], Int32Array.from(v));
    expect(values(runOp1('Mul', [i32([65537, 2147483647]), i32([65537, 2147483647])]))).toEqual([131073, 1]);
    // int64 keeps exact values beyond 2^53: (2^53 + 1) + 1
    const big = runOp1('Add', [Tensor.int64([1], [2n ** 53n + 1n]), Tensor.int64([1], [1n])]);
    expect((big.data as BigInt64Array)[0]).toBe(2n ** 53n + 2n);
  });

  it('integer division by zero is an error naming the node', () => {
    const i32 = (v: number[]) => new Tensor('int32', [v.length], Int32Array.from(v));
    expect(() => runOp1('Div', [i32([1]), i32([0])])).toThrow(/node 'node' \(Div\): integer division by zero/);
  });

  it('shapes that do not broadcast at run time are an error with both shapes', () => {
    expect(() => runOp1('Add', [f32([2], [1, 2]), f32([3], [1, 2, 3])])).toThrow(QtkError);
  });

  it('Pow: float base with float or int exponent; integer base as integer arithmetic', () => {
    // 2^3 = 8, 4^0.5 = 2, 9^-1 = 0.111... (rounded to float32)
    expect(values(runOp1('Pow', [f32([3], [2, 4, 9]), f32([3], [3, 0.5, -1])]))).toEqual(fround([8, 2, 1 / 9]));
    expect(values(runOp1('Pow', [f32([2], [3, -2]), { constant: Tensor.int64([], [2]) }]))).toEqual([9, 4]);
    const i32 = (v: number[]) => new Tensor('int32', [v.length], Int32Array.from(v));
    // 3^4 = 81; 2^31 wraps to -2^31; 2^-1 truncates to 0; (-1)^-3 = -1
    expect(values(runOp1('Pow', [i32([3, 2, 2, -1]), i32([4, 31, -1, -3])]))).toEqual([81, -2147483648, 0, -1]);
    // int64: 3^39 = 4052555153018976267 exactly
    const p = runOp1('Pow', [Tensor.int64([1], [3]), Tensor.int64([1], [39])]);
    expect((p.data as BigInt64Array)[0]).toBe(4052555153018976267n);
  });
});

describe('unary ops', () => {
  it('Relu on floats (NaN kept) and integers', () => {
    expect(values(runOp1('Relu', [f32([4], [-1, 0, 2.5, Number.NaN])]))).toEqual([0, 0, 2.5, Number.NaN]);
    const i8 = new Tensor('int8', [3], Int8Array.of(-128, 0, 127));
    expect(values(runOp1('Relu', [i8]))).toEqual([0, 0, 127]);
    expect(values(runOp1('Relu', [Tensor.int64([2], [-5, 5])]))).toEqual([0, 5]);
  });

  it('Sqrt, Sigmoid, Tanh against closed forms', () => {
    expect(values(runOp1('Sqrt', [f32([3], [4, 2, -1])]))).toEqual(fround([2, Math.SQRT2, Number.NaN]));
    // sigmoid(0) = 1/2; sigmoid(ln 3) = 1 / (1 + 1/3) = 3/4; sigmoid(-ln 3) = 1/4; no overflow at -1000
    const s = values(
      runOp1('Sigmoid', [new Tensor('float64', [4], Float64Array.of(0, Math.log(3), -Math.log(3), -1000))]),
    );
    expect(s[0]).toBe(0.5);
    expect(s[1]).toBeCloseTo(0.75, 15);
    expect(s[2]).toBeCloseTo(0.25, 15);
    expect(s[3]).toBe(0);
    // tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6
    expect(values(runOp1('Tanh', [new Tensor('float64', [1], Float64Array.of(Math.log(2)))]))[0]).toBeCloseTo(0.6, 15);
  });

  it('Gelu exact and tanh forms', () => {
    // exact: gelu(1) = 0.5 * (1 + erf(1/sqrt 2)) = Phi(1) = 0.8413447460685429; gelu(-1) = -(1 - Phi(1))
    const x = new Tensor('float64', [3], Float64Array.of(1, -1, 0));
    const exact = values(runOp1('Gelu', [x]));
    expect(exact[0]).toBeCloseTo(0.8413447460685429, 15);
    expect(exact[1]).toBeCloseTo(-0.15865525393145707, 15);
    expect(exact[2]).toBe(0);
    // tanh form at 1: 0.5 * (1 + tanh(sqrt(2/pi) * 1.044715)) = 0.5 * (1 + tanh(0.8355615...))
    const t = values(runOp1('Gelu', [x], { approximate: 'tanh' }));
    expect(t[0]).toBeCloseTo(0.5 * (1 + Math.tanh(0.7978845608028654 * 1.044715)), 15);
    expect(() => runOp1('Gelu', [x], { approximate: 'fast' })).toThrow(/approximate must be 'none' or 'tanh'/);
  });

  it('Erf op uses the double erf and rounds once', () => {
    expect(values(runOp1('Erf', [f32([2], [0.5, -2])]))).toEqual(fround([0.5204998778130465, -0.9953222650189527]));
  });

  it('Identity and the stubs return their input', () => {
    const x = f32([2], [1, -1]);
    for (const op of ['Identity', 'QuantStub', 'DeQuantStub']) expect(values(runOp1(op, [x]))).toEqual([1, -1]);
  });

  it('Clip with both, one or no bounds; int8; min > max gives max', () => {
    const x = f32([5], [-3, -1, 0, 1, 3]);
    const lo = { constant: f32([], [-1.5]) };
    const hi = { constant: f32([], [2]) };
    expect(values(runOp1('Clip', [x, lo, hi]))).toEqual([-1.5, -1, 0, 1, 2]);
    expect(values(runOp1('Clip', [x, null, hi]))).toEqual([-3, -1, 0, 1, 2]);
    expect(values(runOp1('Clip', [x, lo]))).toEqual([-1.5, -1, 0, 1, 3]);
    expect(values(runOp1('Clip', [x]))).toEqual([-3, -1, 0, 1, 3]);
    const i8 = new Tensor('int8', [3], Int8Array.of(-128, 5, 127));
    const b = (v: number) => ({ constant: new Tensor('int8', [], Int8Array.of(v)) });
    expect(values(runOp1('Clip', [i8, b(-100), b(100)]))).toEqual([-100, 5, 100]);
    expect(values(runOp1('Clip', [x, { constant: f32([], [1]) }, { constant: f32([], [0]) }]))).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });
});

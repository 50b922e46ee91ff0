import { type DType, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const vec = (dtype: DType, values: number[]): Tensor => {
  if (dtype === 'int64') return Tensor.int64([values.length], values);
  const t = Tensor.zeros(dtype, [values.length]);
  (t.data as Int32Array).set(values);
  return t;
};
const bools = (...v: number[]) => new Tensor('bool', [v.length], Uint8Array.from(v));
const values = (t: Tensor) => t.toNumbers();
const fround = (v: number[]) => v.map(Math.fround);

describe('unary math', () => {
  it('Neg and Abs wrap integers as C does; -0 stays IEEE', () => {
    expect(values(runOp1('Neg', [vec('int8', [-128, -5, 0, 127])]))).toEqual([-128, 5, 0, -127]);
    expect(values(runOp1('Abs', [vec('int8', [-128, -5, 0, 127])]))).toEqual([-128, 5, 0, 127]);
    expect(values(runOp1('Abs', [vec('uint8', [0, 200])]))).toEqual([0, 200]);
    expect(values(runOp1('Neg', [vec('int64', [-3, 4])]))).toEqual([3, -4]);
    expect(Object.is(runOp1('Neg', [f32([1], [0])]).data[0], -0)).toBe(true);
    expect(values(runOp1('Abs', [f32([3], [-1.5, 0, 2])]))).toEqual([1.5, 0, 2]);
  });

  it('Sign of floats (NaN stays NaN) and integers', () => {
    expect(values(runOp1('Sign', [f32([4], [-2.5, 0, 3, Number.NaN])]))).toEqual([-1, 0, 1, Number.NaN]);
    expect(values(runOp1('Sign', [vec('int64', [-7, 0, 9])]))).toEqual([-1, 0, 1]);
    expect(values(runOp1('Sign', [vec('uint8', [0, 255])]))).toEqual([0, 1]);
  });

  it('Round halves to even; Floor and Ceil', () => {
    const x = f32([8], [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4, -2.6]);
    expect(values(runOp1('Round', [x]))).toEqual([-2, -2, -0, 0, 2, 2, 2, -3]);
    expect(values(runOp1('Floor', [x]))).toEqual([-3, -2, -1, 0, 1, 2, 2, -3]);
    expect(values(runOp1('Ceil', [x]))).toEqual([-2, -1, -0, 1, 2, 3, 3, -2]);
  });

  it('Reciprocal, Log, Cos, Sin rounded once to float32', () => {
    expect(values(runOp1('Reciprocal', [f32([3], [4, -0.5, 0])]))).toEqual([0.25, -2, Number.POSITIVE_INFINITY]);
    expect(values(runOp1('Log', [f32([3], [1, 0, -1])]))).toEqual([0, Number.NEGATIVE_INFINITY, Number.NaN]);
    expect(values(runOp1('Log', [f32([1], [Math.E])]))).toEqual(fround([Math.log(Math.fround(Math.E))]));
    expect(values(runOp1('Cos', [f32([2], [0, Math.PI])]))).toEqual(fround([1, Math.cos(Math.fround(Math.PI))]));
    expect(values(runOp1('Sin', [f32([1], [Math.PI / 6])]))).toEqual(fround([Math.sin(Math.fround(Math.PI / 6))]));
  });
});

describe('activations', () => {
  it('HardSigmoid and HardSwish (ONNX defaults alpha 0.2, beta 0.5)', () => {
    // 0.2f * x + 0.5: -3 -> -0.1 -> 0; 1 -> 0.7; 3 -> 1.1 -> 1
    const y = values(runOp1('HardSigmoid', [f32([3], [-3, 1, 3])]));
    expect(y[0]).toBe(0);
    expect(y[1]).toBeCloseTo(0.7, 7);
    expect(y[2]).toBe(1);
    expect(values(runOp1('HardSigmoid', [f32([2], [1, -1])], { alpha: 0.5, beta: 0.25 }))).toEqual([0.75, 0]);
    // x (x/6 + 1/2): -4 -> 0, -1.5 -> -1.5 * 0.25 = -0.375, 1.5 -> 1.125, 4 -> 4
    expect(values(runOp1('HardSwish', [f32([4], [-4, -1.5, 1.5, 4])]))).toEqual([-0, -0.375, 1.125, 4]);
  });

  it('LeakyRelu (default alpha 0.01), Elu, Selu, Softplus', () => {
    expect(values(runOp1('LeakyRelu', [f32([2], [-2, 3])]))).toEqual(fround([-2 * Math.fround(0.01), 3]));
    expect(values(runOp1('LeakyRelu', [f32([2], [-2, 3])], { alpha: 0.5 }))).toEqual([-1, 3]);
    expect(values(runOp1('Elu', [f32([2], [-1, 2])], { alpha: 2 }))).toEqual(fround([2 * (Math.exp(-1) - 1), 2]));
    const [a, g] = [1.6732631921768188, 1.0507010221481323];
    expect(values(runOp1('Selu', [f32([2], [-1, 2])]))).toEqual(fround([g * a * (Math.exp(-1) - 1), g * 2]));
    expect(values(runOp1('Softplus', [f32([3], [0, 100, -100])]))).toEqual(fround([Math.LN2, 100, Math.exp(-100)]));
  });

  it('PRelu: one slope, or one per channel broadcast to X', () => {
    expect(values(runOp1('PRelu', [f32([3], [-2, 0, 5]), f32([], [0.25])]))).toEqual([-0.5, 0, 5]);
    // X [1, 2, 2] with slopes [2, 1] = [0.5, 3]: channel 0 halves, channel 1 triples negatives
    const y = runOp1('PRelu', [f32([1, 2, 2], [-2, 4, -1, -3]), f32([2, 1], [0.5, 3])]);
    expect(values(y)).toEqual([-1, 4, -3, -9]);
  });
});

describe('variadic ops', () => {
  it('Max and Min broadcast several inputs, every numeric dtype; NaN propagates', () => {
    const y = runOp1('Max', [
      vec('int8', [-128, 5, 3]),
      new Tensor('int8', [1], Int8Array.of(4)),
      vec('int8', [0, 0, 9]),
    ]);
    expect(values(y)).toEqual([4, 5, 9]);
    expect(values(runOp1('Min', [vec('uint8', [200, 3]), vec('uint8', [100, 250])]))).toEqual([100, 3]);
    expect(values(runOp1('Max', [vec('int64', [-(2 ** 40), 7]), Tensor.int64([1], [0])]))).toEqual([0, 7]);
    expect(values(runOp1('Min', [f32([2, 1], [1, 5]), f32([2], [3, Number.NaN])]))).toEqual([
      1,
      Number.NaN,
      3,
      Number.NaN,
    ]);
    expect(values(runOp1('Max', [f32([2], [1, -1])]))).toEqual([1, -1]);
  });

  it('Sum and Mean of one or more float inputs', () => {
    expect(values(runOp1('Sum', [f32([2], [1, 2]), f32([1], [10]), f32([2], [100, 200])]))).toEqual([111, 212]);
    expect(values(runOp1('Mean', [f32([2], [1, 2]), f32([2], [4, 8]), f32([2], [1, 2])]))).toEqual([2, 4]);
    expect(values(runOp1('Mean', [f32([2], [3, 4])]))).toEqual([3, 4]);
  });
});

describe('Mod', () => {
  it("fmod 0 takes the divisor's sign (integers), fmod 1 the dividend's", () => {
    const a = [-4, 7, 5, 4, -7, 8];
    const b = [2, -3, 8, -2, 3, 5];
    // Python: -4 % 2 = 0, 7 % -3 = -2, 5 % 8 = 5, 4 % -2 = 0, -7 % 3 = 2, 8 % 5 = 3
    expect(values(runOp1('Mod', [vec('int32', a), vec('int32', b)]))).toEqual([0, -2, 5, 0, 2, 3]);
    expect(values(runOp1('Mod', [vec('int64', a), vec('int64', b)]))).toEqual([0, -2, 5, 0, 2, 3]);
    // C fmod: 7 fmod -3 = 1, -7 fmod 3 = -1
    expect(values(runOp1('Mod', [vec('int8', a), vec('int8', b)], { fmod: 1 }))).toEqual([0, 1, 5, 0, -1, 3]);
    expect(values(runOp1('Mod', [f32([3], [-4.3, 7.5, 1]), f32([3], [2, -3, 0])], { fmod: 1 }))).toEqual(
      fround([Math.fround(-4.3) % 2, 1.5, Number.NaN]),
    );
    expect(values(runOp1('Mod', [vec('uint8', [250, 7]), vec('uint8', [7, 250])]))).toEqual([5, 7]);
  });

  it('an integer divisor of 0 is an error naming the node', () => {
    expect(() => runOp1('Mod', [vec('int32', [1]), vec('int32', [0])])).toThrow(
      /node 'node' \(Mod\): integer modulo by zero/,
    );
  });
});

describe('comparisons and logic', () => {
  it('compare any numeric dtype (int64 exactly) with broadcasting; NaN compares false', () => {
    const a = f32([3], [1, Number.NaN, 3]);
    const b = f32([1], [2]);
    expect(values(runOp1('Less', [a, b]))).toEqual([1, 0, 0]);
    expect(values(runOp1('GreaterOrEqual', [a, b]))).toEqual([0, 0, 1]);
    expect(values(runOp1('Equal', [a, a]))).toEqual([1, 0, 1]);
    const big = Tensor.int64([2], [2n ** 60n, 2n ** 60n + 1n]);
    expect(values(runOp1('Equal', [big, Tensor.int64([1], [2n ** 60n])]))).toEqual([1, 0]);
    expect(values(runOp1('Greater', [big, Tensor.int64([1], [2n ** 60n])]))).toEqual([0, 1]);
    expect(values(runOp1('LessOrEqual', [vec('int8', [-1, 1]), vec('int8', [1, 1])]))).toEqual([1, 1]);
    expect(values(runOp1('Equal', [bools(0, 1), bools(1, 1)]))).toEqual([0, 1]);
  });

  it('Not, And, Or, Xor of bools', () => {
    const a = bools(0, 0, 1, 1);
    const b = bools(0, 1, 0, 1);
    expect(values(runOp1('And', [a, b]))).toEqual([0, 0, 0, 1]);
    expect(values(runOp1('Or', [a, b]))).toEqual([0, 1, 1, 1]);
    expect(values(runOp1('Xor', [a, b]))).toEqual([0, 1, 1, 0]);
    expect(values(runOp1('Not', [a]))).toEqual([1, 1, 0, 0]);
    expect(runOp1('And', [new Tensor('bool', [2, 1], Uint8Array.of(1, 0)), bools(1, 0, 1)]).shape).toEqual([2, 3]);
  });
});

describe('Where', () => {
  it('selects X or Y, all three broadcast, any dtype', () => {
    const c = new Tensor('bool', [2, 1], Uint8Array.of(1, 0));
    const y = runOp1('Where', [c, Tensor.int64([3], [1, 2, 3]), Tensor.int64([1], [-1])]);
    expect(y.shape).toEqual([2, 3]);
    expect(values(y)).toEqual([1, 2, 3, -1, -1, -1]);
    expect(values(runOp1('Where', [bools(1, 0), f32([2], [1, 2]), f32([], [9])]))).toEqual([1, 9]);
    expect(values(runOp1('Where', [bools(0, 1), bools(1, 1), bools(0, 0)]))).toEqual([0, 1]);
  });
});

describe('Cast', () => {
  const cast = (x: Tensor, to: DType) => runOp1('Cast', [x], { to });
  it('floats to integers truncate toward zero; out of range as x86 converts (through int32)', () => {
    const x = f32([6], [2.9, -2.9, 300.7, -1.5, Number.NaN, 3e9]);
    expect(values(cast(x, 'int32'))).toEqual([2, -2, 300, -1, -2147483648, -2147483648]);
    // int8 keeps the low byte of the int32: 300 -> 44, -1 -> -1, int32 min -> 0
    expect(values(cast(x, 'int8'))).toEqual([2, -2, 44, -1, 0, 0]);
    expect(values(cast(x, 'uint8'))).toEqual([2, 254, 44, 255, 0, 0]);
    expect(cast(x, 'int64').data).toEqual(BigInt64Array.of(2n, -2n, 300n, -1n, -(2n ** 63n), 3000000000n));
  });

  it('to bool is x != 0; bool and integers to float are exact', () => {
    expect(values(cast(f32([4], [0, -0, 0.1, Number.NaN]), 'bool'))).toEqual([0, 0, 1, 1]);
    expect(values(cast(Tensor.int64([3], [0, -5, 2n ** 40n]), 'bool'))).toEqual([0, 1, 1]);
    expect(values(cast(bools(1, 0), 'float32'))).toEqual([1, 0]);
    expect(values(cast(Tensor.int64([2], [2n ** 40n + 1n, -7n]), 'float64'))).toEqual([2 ** 40 + 1, -7]);
    expect(values(cast(vec('int32', [16777217]), 'float32'))).toEqual([16777216]);
  });

  it('integers narrow by keeping their low bits; floats round to float32', () => {
    expect(values(cast(Tensor.int64([2], [2n ** 32n + 5n, -1n]), 'int32'))).toEqual([5, -1]);
    expect(values(cast(vec('int32', [257, -129]), 'int8'))).toEqual([1, 127]);
    expect(values(cast(vec('uint8', [255]), 'int8'))).toEqual([-1]);
    expect(values(cast(new Tensor('float64', [1], Float64Array.of(0.1)), 'float32'))).toEqual([Math.fround(0.1)]);
    expect(cast(vec('int8', [-3]), 'int64').data).toEqual(BigInt64Array.of(-3n));
  });
});

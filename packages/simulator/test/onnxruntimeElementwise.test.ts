import { type DType, manualSeed, rand, randn, Tensor } from '@qtk/ir';
import { describe, it } from 'vitest';
import { expectSingleOpMatchesOnnxruntime, type OnnxruntimeCase } from './support/onnxruntimeReference.js';
import type { OpArg } from './support/singleOpGraph.js';

// The elementwise family on random data against onnxruntime running the same single-op model
// (exported by @qtk/onnx): floats to 1e-5 relative to max(|reference|, 1), integers and bools exactly.
const RTOL = 1e-5;

const c = (t: Tensor): OpArg => ({ constant: t });
const scaled = (t: Tensor<'float32'>, k: number, offset = 0) =>
  Tensor.float32(
    t.shape,
    t.data.map((v) => v * k + offset),
  );
/** Random integers in [-range, range) (or [0, 2 range) for uint8), never 0 when `nonZero`. */
function ints(dtype: DType, shape: number[], range: number, nonZero = false): Tensor {
  const values = Array.from(rand(shape).data, (u) => {
    const v = Math.floor(u * 2 * range) - (dtype === 'uint8' ? 0 : range);
    return nonZero && v === 0 ? 1 : v;
  });
  if (dtype === 'int64') return Tensor.int64(shape, values);
  const t = Tensor.zeros(dtype, shape);
  (t.data as Int32Array).set(values);
  return t;
}
const bools = (shape: number[]) => {
  const t = Tensor.zeros('bool', shape);
  t.data.set(Array.from(rand(shape).data, (u) => (u < 0.5 ? 1 : 0)));
  return t;
};

const cases: OnnxruntimeCase[] = [
  { name: 'Neg int32', op: 'Neg', args: () => [ints('int32', [20], 1000)] },
  { name: 'Abs int64', op: 'Abs', args: () => [ints('int64', [20], 1000)] },
  { name: 'Sign float', op: 'Sign', args: () => [Tensor.float32([5], [-2, -0, 0, 1e-30, 7])] },
  { name: 'Reciprocal', op: 'Reciprocal', args: () => [scaled(rand(4, 10), 4, 0.1)] },
  { name: 'Log', op: 'Log', args: () => [scaled(rand(4, 10), 10, 1e-3)] },
  { name: 'Floor Ceil Round', op: 'Round', args: () => [Tensor.float32([6], [-2.5, -0.5, 0.5, 1.5, 2.5, 3.49])] },
  { name: 'Floor', op: 'Floor', args: () => [scaled(randn(40), 5)] },
  { name: 'Ceil', op: 'Ceil', args: () => [scaled(randn(40), 5)] },
  { name: 'Cos', op: 'Cos', args: () => [scaled(randn(40), 10)] },
  { name: 'Sin', op: 'Sin', args: () => [scaled(randn(40), 10)] },
  { name: 'HardSwish', op: 'HardSwish', args: () => [scaled(randn(4, 25), 4)] },
  { name: 'HardSigmoid', op: 'HardSigmoid', args: () => [scaled(randn(4, 25), 4)], attrs: { alpha: 0.3, beta: 0.4 } },
  { name: 'LeakyRelu', op: 'LeakyRelu', args: () => [randn(4, 25)], attrs: { alpha: 0.1 } },
  { name: 'Elu', op: 'Elu', args: () => [scaled(randn(4, 25), 3)], attrs: { alpha: 0.7 } },
  { name: 'Selu', op: 'Selu', args: () => [scaled(randn(4, 25), 3)] },
  { name: 'Softplus', op: 'Softplus', args: () => [scaled(randn(4, 25), 20)] },
  {
    name: 'PRelu per channel [2,3,4,4] slope [3,1,1]',
    op: 'PRelu',
    args: () => [randn(2, 3, 4, 4), c(randn(3, 1, 1))],
  },
  { name: 'Max three inputs broadcast', op: 'Max', args: () => [randn(2, 1, 4), randn(3, 1), randn(4)] },
  { name: 'Min int8', op: 'Min', args: () => [ints('int8', [3, 4], 128), ints('int8', [4], 128)] },
  { name: 'Max uint8', op: 'Max', args: () => [ints('uint8', [10], 128), ints('uint8', [10], 128)] },
  { name: 'Max int64', op: 'Max', args: () => [ints('int64', [10], 1e6), ints('int64', [1], 1e6)] },
  { name: 'Sum three', op: 'Sum', args: () => [randn(2, 3), randn(3), randn(2, 1)] },
  { name: 'Mean two', op: 'Mean', args: () => [randn(2, 3), randn(2, 3)] },
  { name: 'Mod int32 fmod 0', op: 'Mod', args: () => [ints('int32', [30], 100), ints('int32', [30], 9, true)] },
  {
    name: 'Mod int64 fmod 1',
    op: 'Mod',
    args: () => [ints('int64', [30], 100), ints('int64', [30], 9, true)],
    attrs: { fmod: 1 },
  },
  {
    name: 'Mod float fmod 1',
    op: 'Mod',
    args: () => [scaled(randn(30), 10), scaled(randn(30), 3)],
    attrs: { fmod: 1 },
  },
  { name: 'Equal int64 broadcast', op: 'Equal', args: () => [ints('int64', [4, 5], 3), ints('int64', [5], 3)] },
  { name: 'Less float', op: 'Less', args: () => [randn(3, 4), randn(4)] },
  { name: 'GreaterOrEqual int32', op: 'GreaterOrEqual', args: () => [ints('int32', [20], 3), ints('int32', [20], 3)] },
  { name: 'Xor', op: 'Xor', args: () => [bools([3, 4]), bools([4])] },
  { name: 'Not', op: 'Not', args: () => [bools([3, 4])] },
  { name: 'Where float', op: 'Where', args: () => [bools([2, 1, 4]), randn(3, 1), randn(4)] },
  { name: 'Where int64', op: 'Where', args: () => [bools([5]), ints('int64', [5], 99), ints('int64', [1], 99)] },
  { name: 'Cast float to int64', op: 'Cast', args: () => [scaled(randn(30), 100)], attrs: { to: 'int64' } },
  { name: 'Cast float to int8 in range', op: 'Cast', args: () => [scaled(randn(30), 40)], attrs: { to: 'int8' } },
  {
    name: 'Cast float to bool',
    op: 'Cast',
    args: () => [Tensor.float32([4], [0, -0, 0.5, -2])],
    attrs: { to: 'bool' },
  },
  { name: 'Cast int64 to float', op: 'Cast', args: () => [ints('int64', [20], 2 ** 30)], attrs: { to: 'float32' } },
  { name: 'Cast int32 to int8 wraps', op: 'Cast', args: () => [ints('int32', [20], 1000)], attrs: { to: 'int8' } },
  { name: 'Cast bool to int64', op: 'Cast', args: () => [bools([6])], attrs: { to: 'int64' } },
];

describe('the elementwise family against onnxruntime on random single-op models', () => {
  cases.forEach((k, index) => {
    it(k.name, async () => {
      manualSeed(2000 + index);
      await expectSingleOpMatchesOnnxruntime({ ...k, what: k.name, args: k.args(), rtol: RTOL });
    });
  });
});

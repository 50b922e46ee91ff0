import { manualSeed, rand, randn, Tensor } from '@qtk/ir';
import { afterAll, describe, it } from 'vitest';
import { expectSingleOpMatchesOnnxruntime, type OnnxruntimeCase } from './support/onnxruntimeReference.js';
import type { OpArg } from './support/singleOpGraph.js';

// Each op on random data against onnxruntime running the same single-op model (exported by
// @qtk/onnx). Float32 must agree to 1e-5 relative to max(|reference|, 1); integers exactly.
const RTOL = 1e-5;

const c = (t: Tensor): OpArg => ({ constant: t });
const i64 = (...values: number[]) => c(Tensor.int64([values.length], values));
const scaled = (t: Tensor<'float32'>, k: number, offset = 0) =>
  Tensor.float32(
    t.shape,
    t.data.map((v) => v * k + offset),
  );
/** Random integers in [-range, range), never 0 when `nonZero`. */
function ints(dtype: 'int32' | 'int64' | 'int8', shape: number[], range: number, nonZero = false): Tensor {
  const values = Array.from(rand(shape).data, (u) => {
    const v = Math.floor(u * 2 * range) - range;
    return nonZero && v === 0 ? 1 : v;
  });
  if (dtype === 'int64') return Tensor.int64(shape, values);
  return dtype === 'int32'
    ? new Tensor('int32', shape, Int32Array.from(values))
    : new Tensor('int8', shape, Int8Array.from(values));
}

const cases: OnnxruntimeCase[] = [
  // broadcasting binary ops
  { name: 'Add [2,3,4,5] + [5]', op: 'Add', args: () => [randn(2, 3, 4, 5), randn(5)] },
  { name: 'Add [2,1,4,1] + [3,1,5]', op: 'Add', args: () => [randn(2, 1, 4, 1), randn(3, 1, 5)] },
  { name: 'Sub scalar - [2,3]', op: 'Sub', args: () => [randn([]), randn(2, 3)] },
  { name: 'Mul [2,3,1] * [1,1,4]', op: 'Mul', args: () => [randn(2, 3, 1), randn(1, 1, 4)] },
  { name: 'Div [4,5] / [4,1]', op: 'Div', args: () => [randn(4, 5), scaled(rand(4, 1), 1, 0.5)] },
  { name: 'Add int32 [3,4] + [4]', op: 'Add', args: () => [ints('int32', [3, 4], 1000), ints('int32', [4], 1000)] },
  {
    name: 'Sub int64 [2,1,3] - [4,1]',
    op: 'Sub',
    args: () => [ints('int64', [2, 1, 3], 99), ints('int64', [4, 1], 99)],
  },
  { name: 'Mul int64 [2,3] * [3]', op: 'Mul', args: () => [ints('int64', [2, 3], 1e6), ints('int64', [3], 1e6)] },
  { name: 'Mul int32 [5] * [5]', op: 'Mul', args: () => [ints('int32', [5], 1000), ints('int32', [5], 1000)] },
  {
    name: 'Div int32 truncates [3,8] / [8]',
    op: 'Div',
    args: () => [ints('int32', [3, 8], 100), ints('int32', [8], 9, true)],
  },
  {
    name: 'Div int64 truncates [8] / [8]',
    op: 'Div',
    args: () => [ints('int64', [8], 100), ints('int64', [8], 9, true)],
  },
  { name: 'Pow positive base ^ float [3,4] ^ [4]', op: 'Pow', args: () => [scaled(rand(3, 4), 2, 0.1), randn(4)] },
  { name: 'Pow float ^ int64 scalar', op: 'Pow', args: () => [randn(3, 4), c(Tensor.int64([], [3]))] },
  // unary ops
  { name: 'Sqrt', op: 'Sqrt', args: () => [scaled(rand(3, 4, 5), 10)] },
  { name: 'Erf', op: 'Erf', args: () => [scaled(randn(4, 50), 2)] },
  { name: 'Exp', op: 'Exp', args: () => [scaled(randn(4, 50), 3)] },
  { name: 'Relu', op: 'Relu', args: () => [randn(3, 4, 5)] },
  { name: 'Sigmoid', op: 'Sigmoid', args: () => [scaled(randn(4, 50), 5)] },
  { name: 'Tanh', op: 'Tanh', args: () => [scaled(randn(4, 50), 3)] },
  { name: 'Gelu exact', op: 'Gelu', args: () => [scaled(randn(4, 25), 3)] },
  { name: 'Gelu tanh', op: 'Gelu', args: () => [scaled(randn(4, 25), 3)], attrs: { approximate: 'tanh' } },
  { name: 'Softmax last axis', op: 'Softmax', args: () => [scaled(randn(3, 4, 10), 5)] },
  { name: 'Softmax axis 1', op: 'Softmax', args: () => [randn(3, 4, 10)], attrs: { axis: 1 } },
  {
    name: 'Clip float',
    op: 'Clip',
    args: () => [randn(4, 10), c(Tensor.float32([], [-0.5])), c(Tensor.float32([], [0.7]))],
  },
  {
    name: 'Clip int8',
    op: 'Clip',
    args: () => [
      ints('int8', [20], 128),
      c(new Tensor('int8', [], Int8Array.of(-50))),
      c(new Tensor('int8', [], Int8Array.of(60))),
    ],
  },
  { name: 'Identity', op: 'Identity', args: () => [randn(2, 3)] },
  // matrix products
  { name: 'MatMul [2,3,5,7] x [7,4]', op: 'MatMul', args: () => [randn(2, 3, 5, 7), randn(7, 4)] },
  { name: 'MatMul [2,1,5,7] x [3,7,4]', op: 'MatMul', args: () => [randn(2, 1, 5, 7), randn(3, 7, 4)] },
  { name: 'MatMul [7] x [2,7,4]', op: 'MatMul', args: () => [randn(7), randn(2, 7, 4)] },
  { name: 'MatMul [3,5,7] x [7]', op: 'MatMul', args: () => [randn(3, 5, 7), randn(7)] },
  {
    name: 'Linear [2,10,16] W [8,16] B [8]',
    op: 'Linear',
    args: () => [randn(2, 10, 16), c(randn(8, 16)), c(randn(8))],
  },
  { name: 'Linear without bias', op: 'Linear', args: () => [randn(6, 16), c(randn(8, 16))] },
  {
    name: 'Gemm transA transB alpha beta C [1,N]',
    op: 'Gemm',
    args: () => [randn(7, 5), randn(6, 7), randn(1, 6)],
    attrs: { transA: 1, transB: 1, alpha: 0.5, beta: 2 },
  },
  { name: 'Gemm scalar C', op: 'Gemm', args: () => [randn(5, 7), randn(7, 6), randn([])] },
  { name: 'Gemm C [M,1]', op: 'Gemm', args: () => [randn(5, 7), randn(7, 6), randn(5, 1)], attrs: { beta: -1 } },
  // convolution
  {
    name: 'Conv 3x3 pads 1 with bias',
    op: 'Conv',
    args: () => [randn(2, 4, 9, 9), c(randn(6, 4, 3, 3)), c(randn(6))],
    attrs: { pads: [1, 1, 1, 1] },
  },
  {
    name: 'Conv group 2, stride 2, asymmetric pads',
    op: 'Conv',
    args: () => [randn(1, 4, 8, 8), c(randn(6, 2, 3, 3))],
    attrs: { group: 2, strides: [2, 2], pads: [1, 0, 2, 1] },
  },
  {
    name: 'Conv depthwise, dilations 2',
    op: 'Conv',
    args: () => [randn(1, 6, 10, 10), c(randn(6, 1, 3, 3)), c(randn(6))],
    attrs: { group: 6, dilations: [2, 2], pads: [2, 2, 2, 2] },
  },
  {
    name: 'Conv 1-D stride 3, dilation 2, pads [1,2]',
    op: 'Conv',
    args: () => [randn(2, 3, 20), c(randn(5, 3, 4)), c(randn(5))],
    attrs: { strides: [3], dilations: [2], pads: [1, 2] },
  },
  { name: 'Conv 1x1', op: 'Conv', args: () => [randn(1, 8, 5, 5), c(randn(4, 8, 1, 1))] },
  {
    name: 'Conv rectangular kernel, strides [2,1], dilations [1,3]',
    op: 'Conv',
    args: () => [randn(2, 2, 11, 13), c(randn(3, 2, 2, 3))],
    attrs: { strides: [2, 1], dilations: [1, 3], pads: [0, 1, 1, 0] },
  },
  // normalization
  {
    name: 'BatchNorm',
    op: 'BatchNorm',
    args: () => [randn(2, 3, 4, 5), c(randn(3)), c(randn(3)), c(randn(3)), c(scaled(rand(3), 1, 0.1))],
  },
  {
    name: 'LayerNorm last axis',
    op: 'LayerNorm',
    args: () => [scaled(randn(2, 5, 16), 3, 1), c(randn(16)), c(randn(16))],
  },
  {
    name: 'LayerNorm axis 1',
    op: 'LayerNorm',
    args: () => [randn(2, 3, 4, 5), c(randn(3, 4, 5)), c(randn(3, 4, 5))],
    attrs: { axis: 1, epsilon: 1e-3 },
  },
  // reductions and pooling
  { name: 'ReduceMean axes [1,3]', op: 'ReduceMean', args: () => [randn(2, 3, 4, 5)], attrs: { axes: [1, 3] } },
  {
    name: 'ReduceMean axis -1 no keepdims',
    op: 'ReduceMean',
    args: () => [randn(2, 3, 4)],
    attrs: { axes: [-1], keepdims: 0 },
  },
  { name: 'ReduceMean all', op: 'ReduceMean', args: () => [randn(2, 3, 4)] },
  { name: 'GlobalAveragePool', op: 'GlobalAveragePool', args: () => [randn(2, 3, 7, 5)] },
  {
    name: 'AveragePool pads, exclude pad',
    op: 'AveragePool',
    args: () => [randn(1, 2, 9, 9)],
    attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] },
  },
  {
    name: 'AveragePool asymmetric pads, count_include_pad',
    op: 'AveragePool',
    args: () => [randn(1, 2, 9, 9)],
    attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 0, 1, 2], count_include_pad: 1 },
  },
  {
    name: 'AveragePool ceil_mode',
    op: 'AveragePool',
    args: () => [randn(1, 2, 8, 8)],
    attrs: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 },
  },
  {
    name: 'AveragePool ceil_mode, pads, count_include_pad',
    op: 'AveragePool',
    args: () => [randn(1, 1, 8, 8)],
    attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1, count_include_pad: 1 },
  },
  {
    name: 'AveragePool 1-D',
    op: 'AveragePool',
    args: () => [randn(2, 3, 11)],
    attrs: { kernel_shape: [4], strides: [2], pads: [2, 1] },
  },
  {
    name: 'MaxPool pads',
    op: 'MaxPool',
    args: () => [randn(1, 2, 9, 9)],
    attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] },
  },
  {
    name: 'MaxPool dilations',
    op: 'MaxPool',
    args: () => [randn(1, 2, 10, 10)],
    attrs: { kernel_shape: [3, 3], dilations: [2, 2] },
  },
  {
    name: 'MaxPool ceil_mode',
    op: 'MaxPool',
    args: () => [randn(1, 2, 8, 8)],
    attrs: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 },
  },
  {
    name: 'MaxPool 1-D pads, dilation',
    op: 'MaxPool',
    args: () => [randn(2, 2, 9)],
    attrs: { kernel_shape: [2], pads: [1, 0], dilations: [2] },
  },
  {
    name: 'MaxPool asymmetric pads, rectangular',
    op: 'MaxPool',
    args: () => [randn(1, 3, 7, 8)],
    attrs: { kernel_shape: [2, 3], strides: [1, 2], pads: [0, 1, 1, 0] },
  },
  // data movement
  { name: 'Flatten axis 2', op: 'Flatten', args: () => [randn(2, 3, 4, 5)], attrs: { axis: 2 } },
  { name: 'Reshape [0,-1]', op: 'Reshape', args: () => [randn(2, 3, 4), i64(0, -1)] },
  { name: 'Transpose [2,0,3,1]', op: 'Transpose', args: () => [randn(2, 3, 4, 5)], attrs: { perm: [2, 0, 3, 1] } },
  {
    name: 'Concat three on axis 1',
    op: 'Concat',
    args: () => [randn(2, 1, 3), randn(2, 4, 3), randn(2, 2, 3)],
    attrs: { axis: 1 },
  },
  { name: 'Split equal parts', op: 'Split', args: () => [randn(2, 6, 3)], attrs: { axis: 1 }, outputs: 3 },
  {
    name: 'Split given sizes',
    op: 'Split',
    args: () => [randn(2, 7, 3), i64(1, 4, 2)],
    attrs: { axis: 1 },
    outputs: 3,
  },
  {
    name: 'Slice negative steps on two axes',
    op: 'Slice',
    args: () => [randn(5, 6, 7), i64(-1, 5), i64(-100, 0), i64(0, 2), i64(-2, -1)],
  },
  { name: 'Slice default axes and steps', op: 'Slice', args: () => [randn(5, 6), i64(1, -4), i64(4, 100)] },
  {
    name: 'Gather axis 1, negative 2-D indices',
    op: 'Gather',
    args: () => [randn(3, 5, 2), c(Tensor.int64([2, 2], [-1, 0, 2, -5]))],
    attrs: { axis: 1 },
  },
  { name: 'Shape start 1 end -1', op: 'Shape', args: () => [randn(2, 3, 4, 5)], attrs: { start: 1, end: -1 } },
  { name: 'Squeeze axis 1', op: 'Squeeze', args: () => [randn(2, 1, 3, 1), i64(1)] },
  { name: 'Unsqueeze axes [0,-1]', op: 'Unsqueeze', args: () => [randn(2, 3), i64(0, -1)] },
  // quantization (random values hit no exact ties; the kernel tests check ties by hand)
  {
    name: 'QuantizeLinear int8 per tensor, saturating',
    op: 'QuantizeLinear',
    args: () => [scaled(randn(4, 50), 3), c(Tensor.float32([], [0.02])), c(Tensor.zeros('int8', []))],
  },
  {
    // float32(1.05) / float32(0.7) is exactly 1.5 in float32 (1.49999996 exactly): onnxruntime gives 2 as well
    name: 'QuantizeLinear divides in float32',
    op: 'QuantizeLinear',
    args: () => [
      Tensor.float32([3], [1.05, 0.15, 0.75]),
      c(Tensor.float32([3], [0.7, 0.1, 0.3])),
      c(Tensor.zeros('int8', [3])),
    ],
    attrs: { axis: 0 },
  },
  {
    name: 'QuantizeLinear uint8 per axis 1 with zero points',
    op: 'QuantizeLinear',
    args: () => [
      randn(2, 3, 5),
      c(Tensor.float32([3], [0.01, 0.02, 0.05])),
      c(new Tensor('uint8', [3], Uint8Array.of(0, 128, 250))),
    ],
  },
  {
    name: 'QuantizeLinear int16 per axis 0',
    op: 'QuantizeLinear',
    args: () => [scaled(randn(3, 40), 2), c(Tensor.float32([3], [1e-4, 3e-5, 2e-3])), c(Tensor.zeros('int16', [3]))],
    attrs: { axis: 0 },
    opset: 21,
  },
  {
    name: 'DequantizeLinear int8 per axis -1',
    op: 'DequantizeLinear',
    args: () => [
      ints('int8', [4, 3], 128),
      c(Tensor.float32([3], [0.5, 0.03, 1.7])),
      c(new Tensor('int8', [3], Int8Array.of(0, -3, 7))),
    ],
    attrs: { axis: -1 },
  },
  {
    name: 'DequantizeLinear int32 without zero point',
    op: 'DequantizeLinear',
    args: () => [ints('int32', [10], 2 ** 30), c(Tensor.float32([], [1.3e-5]))],
  },
  {
    name: 'DequantizeLinear int16 per tensor',
    op: 'DequantizeLinear',
    args: () => [
      c(new Tensor('int16', [6], Int16Array.of(-32768, -1, 0, 1, 1234, 32767))),
      c(Tensor.float32([], [0.0007])),
    ],
    opset: 21,
  },
  // shape arithmetic and data movement
  { name: 'Expand [3,1] to [2,3,4]', op: 'Expand', args: () => [randn(3, 1), i64(2, 3, 4)] },
  {
    name: 'Expand int64 [2,1] with a 1 that keeps a dim',
    op: 'Expand',
    args: () => [ints('int64', [2, 1], 1e6), i64(1, 5)],
  },
  { name: 'Tile [2,3] by [2,3]', op: 'Tile', args: () => [randn(2, 3), i64(2, 3)] },
  { name: 'Tile int32 [1,2,3] by [3,1,2]', op: 'Tile', args: () => [ints('int32', [1, 2, 3], 1000), i64(3, 1, 2)] },
  {
    name: 'Range float32 accumulating a step that is not a float',
    op: 'Range',
    args: () => [c(Tensor.float32([], [-1.3])), c(Tensor.float32([], [7.9])), c(Tensor.float32([], [0.37]))],
  },
  {
    name: 'Range int64 counting down',
    op: 'Range',
    args: () => [c(Tensor.int64([], [40])), c(Tensor.int64([], [-3])), c(Tensor.int64([], [-7]))],
  },
  {
    name: 'ConstantOfShape int32',
    op: 'ConstantOfShape',
    args: () => [i64(2, 3, 4)],
    attrs: { value: new Tensor('int32', [1], Int32Array.of(-7)) },
  },
  { name: 'Size', op: 'Size', args: () => [randn(3, 4, 5)] },
  {
    name: 'ScatterND rows replaced',
    op: 'ScatterND',
    args: () => [randn(5, 4), c(Tensor.int64([2, 1], [3, -5])), randn(2, 4)],
  },
  {
    name: 'ScatterND entries added, an index twice',
    op: 'ScatterND',
    args: () => [randn(3, 4), c(Tensor.int64([3, 2], [0, 1, 2, 3, 0, 1])), randn(3)],
    attrs: { reduction: 'add' },
  },
  {
    name: 'ScatterND slices multiplied',
    op: 'ScatterND',
    args: () => [randn(2, 3, 4), c(Tensor.int64([1, 2], [1, 2])), randn(1, 4)],
    attrs: { reduction: 'mul' },
  },
  {
    name: 'GatherElements axis 1, negative indices',
    op: 'GatherElements',
    args: () => [randn(3, 5), c(Tensor.int64([3, 4], [0, -1, 4, 2, -5, 3, 1, 1, 2, -2, 0, 4]))],
    attrs: { axis: 1 },
  },
  { name: 'DepthToSpace DCR', op: 'DepthToSpace', args: () => [randn(2, 12, 3, 2)], attrs: { blocksize: 2 } },
  {
    name: 'DepthToSpace CRD',
    op: 'DepthToSpace',
    args: () => [randn(1, 18, 2, 3)],
    attrs: { blocksize: 3, mode: 'CRD' },
  },
  { name: 'SpaceToDepth', op: 'SpaceToDepth', args: () => [randn(2, 3, 4, 6)], attrs: { blocksize: 2 } },
  { name: 'Trilu upper k 1', op: 'Trilu', args: () => [randn(2, 4, 5), c(Tensor.int64([], [1]))] },
  {
    name: 'Trilu lower k -2, int64',
    op: 'Trilu',
    args: () => [ints('int64', [5, 3], 1e6), c(Tensor.int64([], [-2]))],
    attrs: { upper: 0 },
  },
  {
    name: 'Pad constant with a value, cropping one side',
    op: 'Pad',
    args: () => [randn(2, 3, 4), i64(1, 0, -1, 0, 2, 3), c(Tensor.float32([], [0.75]))],
  },
  {
    name: 'Pad reflect',
    op: 'Pad',
    args: () => [randn(1, 2, 4, 5), i64(0, 0, 3, 2, 0, 0, 1, 4)],
    attrs: { mode: 'reflect' },
  },
  {
    name: 'Pad edge int8',
    op: 'Pad',
    args: () => [ints('int8', [3, 4], 128), i64(2, 1, 0, 3)],
    attrs: { mode: 'edge' },
  },
  {
    name: 'Pad over axes (opset 18)',
    op: 'Pad',
    args: () => [randn(2, 3, 4), i64(1, 2, 3, 0), null, i64(-1, 0)],
    opset: 18,
  },
  {
    name: 'Dropout in inference, with its mask',
    op: 'Dropout',
    args: () => [randn(3, 4), c(Tensor.float32([], [0.3]))],
    outputs: 2,
  },
];

describe('kernels against onnxruntime on random single-op models', () => {
  let worst = { name: '', scaled: 0 };
  afterAll(() => {
    console.log(`largest scaled difference from onnxruntime: ${worst.scaled.toExponential(2)} (${worst.name})`);
  });
  cases.forEach((k, index) => {
    it(k.name, async () => {
      manualSeed(1000 + index);
      const differences = await expectSingleOpMatchesOnnxruntime({ ...k, what: k.name, args: k.args(), rtol: RTOL });
      for (const d of differences) if (d.maxScaled > worst.scaled) worst = { name: k.name, scaled: d.maxScaled };
    });
  });
});

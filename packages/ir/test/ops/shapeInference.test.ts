import { describe, expect, it } from 'vitest';
import { type DType, Tensor } from '../../src/index.js';
import { f, i64, infer, t } from '../support/singleNode.js';

const zeros = (...shape: number[]) => Tensor.zeros('float32', shape);

describe('shape inference', () => {
  it('broadcasts elementwise ops (NumPy rules, symbols kept)', () => {
    expect(infer('Add', [f(2, 1, 4), f(3, 1)])[0]).toEqual(f(2, 3, 4));
    expect(infer('Mul', [f('N', 3), f(1, 3)])[0]).toEqual(f('N', 3));
    expect(infer('Pow', [f(2, 3), t('int64')])[0]).toEqual(f(2, 3));
    expect(() => infer('Sub', [f(2, 3), f(4)])).toThrow(/shapes \[2,3\] and \[4\] do not broadcast/);
    expect(() => infer('Div', [f(2), t('int32', 2)])).toThrow(/input dtypes differ/);
  });

  it('Linear maps the last dim through W [out, in]', () => {
    expect(infer('Linear', [f(2, 100, 256), zeros(60, 256), zeros(60)])[0]).toEqual(f(2, 100, 60));
    expect(() => infer('Linear', [f(2, 7), zeros(3, 4)])).toThrow(/last dim 7/);
  });

  it('MatMul follows NumPy, including 1-D promotion and batch broadcast', () => {
    expect(infer('MatMul', [f(2, 3, 4), f(4, 5)])[0]).toEqual(f(2, 3, 5));
    expect(infer('MatMul', [f(4), f(4, 5)])[0]).toEqual(f(5));
    expect(infer('MatMul', [f(3, 4), f(4)])[0]).toEqual(f(3));
    expect(infer('MatMul', [f(2, 1, 3, 4), f(6, 4, 5)])[0]).toEqual(f(2, 6, 3, 5));
    expect(() => infer('MatMul', [f(3, 4), f(5, 6)])).toThrow(/inner dims differ/);
  });

  it('Gemm honours transposes', () => {
    expect(infer('Gemm', [f(3, 5), f(4, 5), f(4)], { transB: 1 })[0]).toEqual(f(3, 4));
    expect(infer('Gemm', [f(5, 3), f(5, 4)], { transA: 1 })[0]).toEqual(f(3, 4));
  });

  it('Conv computes output size from pads, strides, dilations and groups', () => {
    // (32 + 1 + 1 - 3) / 2 + 1 = 16
    expect(infer('Conv', [f(1, 3, 32, 32), zeros(16, 3, 3, 3)], { strides: [2, 2], pads: [1, 1, 1, 1] })[0]).toEqual(
      f(1, 16, 16, 16),
    );
    // dilation 2: span 5; (10 - 5) / 1 + 1 = 6; depthwise groups
    expect(infer('Conv', [f(1, 8, 10, 10), zeros(8, 1, 3, 3)], { dilations: [2, 2], group: 8 })[0]).toEqual(
      f(1, 8, 6, 6),
    );
    // asymmetric pads: H (5 + 1 + 0 - 3) / 2 + 1 = 2, W (5 + 0 + 1 - 3)/2 + 1 = 2
    expect(infer('Conv', [f(1, 1, 5, 5), zeros(1, 1, 3, 3)], { strides: [2, 2], pads: [1, 0, 0, 1] })[0]).toEqual(
      f(1, 1, 2, 2),
    );
    expect(() => infer('Conv', [f(1, 4, 8, 8), zeros(8, 3, 3, 3)])).toThrow(/input has 4 channels/);
  });

  it('pooling: floor and ceil modes; ceil drops a window starting in the padding', () => {
    expect(infer('MaxPool', [f(1, 1, 4, 4)], { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 })[0]).toEqual(
      f(1, 1, 2, 2),
    );
    expect(infer('MaxPool', [f(1, 1, 4, 4)], { kernel_shape: [3, 3], strides: [2, 2] })[0]).toEqual(f(1, 1, 1, 1));
    // in 5, k 2, s 2, pad end 1, ceil: ceil((5+1-2)/2)+1 = 3, last window starts at 4 < 5: kept
    expect(
      infer('AveragePool', [f(1, 1, 5, 5)], {
        kernel_shape: [2, 2],
        strides: [2, 2],
        pads: [0, 0, 1, 1],
        ceil_mode: 1,
      })[0],
    ).toEqual(f(1, 1, 3, 3));
    expect(infer('GlobalAveragePool', [f(2, 32, 8, 8)])[0]).toEqual(f(2, 32, 1, 1));
  });

  it('ReduceMean, Softmax, LayerNorm, BatchNorm', () => {
    expect(infer('ReduceMean', [f(2, 3, 4)], { axes: [-1], keepdims: 1 })[0]).toEqual(f(2, 3, 1));
    expect(infer('ReduceMean', [f(2, 3, 4)], { axes: [0, 2], keepdims: 0 })[0]).toEqual(f(3));
    expect(infer('ReduceMean', [f(2, 3, 4)], { keepdims: 0 })[0]).toEqual(f());
    expect(infer('Softmax', [f(2, 5)], { axis: -1 })[0]).toEqual(f(2, 5));
    expect(() => infer('Softmax', [f(2, 5)], { axis: 2 })).toThrow(/axis 2 is out of range/);
    expect(infer('LayerNorm', [f(2, 100, 256), zeros(256), zeros(256)])[0]).toEqual(f(2, 100, 256));
    // ONNX's optional Mean and InvStdDev: one float32 per normalized row.
    expect(infer('LayerNorm', [t('float64', 2, 3, 4)], { axis: 1 }, 3)).toEqual([
      t('float64', 2, 3, 4),
      f(2, 1, 1),
      f(2, 1, 1),
    ]);
    expect(infer('BatchNorm', [f(1, 4, 2, 2), zeros(4), zeros(4), zeros(4), zeros(4)])[0]).toEqual(f(1, 4, 2, 2));
    expect(() => infer('BatchNorm', [f(1, 4, 2, 2), zeros(3), zeros(4), zeros(4), zeros(4)])).toThrow(
      /input 1 must be \[4\]/,
    );
  });

  it('Reshape resolves 0 and -1 from a constant shape, or gives unknown dims for a computed one', () => {
    expect(infer('Reshape', [f(2, 3, 4), i64(0, -1)])[0]).toEqual(f(2, 12));
    expect(infer('Reshape', [f(2, 3, 4), i64(4, 0, -1)], { allowzero: 0 })[0]).toEqual(f(4, 3, 2));
    expect(infer('Reshape', [f(2, 3, 4), t('int64', 3)])[0]).toEqual(f('?', '?', '?'));
    expect(() => infer('Reshape', [f(2, 3, 4), i64(5, -1)])).toThrow(/cannot infer -1/);
    expect(() => infer('Reshape', [f(2, 3, 4), i64(-1, -1)])).toThrow(/at most one dim may be -1/);
  });

  it('Flatten, Transpose, Concat, Split, Gather, Shape, Squeeze, Unsqueeze', () => {
    expect(infer('Flatten', [f(2, 3, 4, 5)], { axis: 2 })[0]).toEqual(f(6, 20));
    expect(infer('Flatten', [f(2, 3)], { axis: 0 })[0]).toEqual(f(1, 6));
    expect(infer('Transpose', [f(2, 3, 4)])[0]).toEqual(f(4, 3, 2));
    expect(infer('Transpose', [f(2, 3, 4)], { perm: [1, 0, 2] })[0]).toEqual(f(3, 2, 4));
    expect(() => infer('Transpose', [f(2, 3)], { perm: [0, 0] })).toThrow(/not a permutation/);
    expect(infer('Concat', [f(2, 3), f(2, 5)], { axis: -1 })[0]).toEqual(f(2, 8));
    expect(() => infer('Concat', [f(2, 3), f(3, 5)], { axis: 1 })).toThrow(/does not match/);
    expect(infer('Split', [f(6, 2)], { axis: 0 }, 3)).toEqual([f(2, 2), f(2, 2), f(2, 2)]);
    expect(infer('Split', [f(7, 2)], { axis: 0 }, 3)).toEqual([f(3, 2), f(3, 2), f(1, 2)]);
    expect(infer('Split', [f(2, 6), i64(1, 5)], { axis: 1 }, 2)).toEqual([f(2, 1), f(2, 5)]);
    expect(infer('Gather', [f(5, 4, 3), t('int64', 2, 2)], { axis: 1 })[0]).toEqual(f(5, 2, 2, 3));
    expect(infer('Shape', [f(2, 3, 4)], { start: 1 })[0]).toEqual(t('int64', 2));
    expect(infer('Shape', [f(2, 3, 4)], { start: -5, end: 10 })[0]).toEqual(t('int64', 3));
    expect(infer('Squeeze', [f(1, 3, 1, 5)])[0]).toEqual(f(3, 5));
    expect(infer('Squeeze', [f(1, 3, 1, 5), i64(-2)])[0]).toEqual(f(1, 3, 5));
    expect(() => infer('Squeeze', [f(1, 3), i64(1)])).toThrow(/cannot squeeze dim 1 of size 3/);
    expect(infer('Unsqueeze', [f(3, 4), i64(0, 3)])[0]).toEqual(f(1, 3, 4, 1));
    expect(infer('Unsqueeze', [f(3, 4), i64(-1)])[0]).toEqual(f(3, 4, 1));
    // Computed axes (ONNX's node tests feed them as graph inputs): the rank is known, the dims are not.
    expect(infer('Squeeze', [f(1, 3, 1, 5), t('int64', 2)])[0]).toEqual(f('?', '?'));
    expect(infer('Unsqueeze', [f(3, 4), t('int64', 1)])[0]).toEqual(f('?', '?', '?'));
  });

  it('Slice clamps as ONNX says, with negative steps', () => {
    expect(infer('Slice', [f(20, 10, 5), i64(0, 0), i64(3, 10), i64(0, 1), i64(1, 1)])[0]).toEqual(f(3, 10, 5));
    // start 1000 clamps to dim; end -1 -> 9; count 0 when start > end with positive step
    expect(infer('Slice', [f(20, 10, 5), i64(1000), i64(1000), i64(1)])[0]).toEqual(f(20, 0, 5));
    // negative step: 20 -> start clamps to 19, end -1000 clamps to -1: 20 elements
    expect(infer('Slice', [f(20, 10, 5), i64(20), i64(-1000), i64(0), i64(-1)])[0]).toEqual(f(20, 10, 5));
    // steps 2: ceil((10 - 1) / 2) = 5
    expect(infer('Slice', [f(20, 10, 5), i64(1), i64(10), i64(1), i64(2)])[0]).toEqual(f(20, 5, 5));
  });

  it('Clip keeps its input type and checks bound dtypes', () => {
    const lo = new Tensor('float32', [], Float32Array.of(0));
    expect(infer('Clip', [f(3, 4), lo, null])[0]).toEqual(f(3, 4));
    expect(() => infer('Clip', [f(3), new Tensor('int8', [], Int8Array.of(0))])).toThrow(/bound min is int8/);
  });

  it('QuantizeLinear takes its output dtype from the zero point; scales are per tensor or per axis', () => {
    const zp = (dtype: DType, ...shape: number[]) => Tensor.zeros(dtype, shape);
    expect(infer('QuantizeLinear', [f(2, 3), zeros(), zp('int8')])[0]).toEqual(t('int8', 2, 3));
    expect(infer('QuantizeLinear', [f(2, 3), zeros(1), zp('uint8', 1)])[0]).toEqual(t('uint8', 2, 3));
    expect(infer('QuantizeLinear', [f(2, 3), zeros(3), zp('int16', 3)], { axis: -1 })[0]).toEqual(t('int16', 2, 3));
    // ONNX's default axis is 1.
    expect(infer('QuantizeLinear', [f(2, 3), zeros(3), zp('int8', 3)])[0]).toEqual(t('int8', 2, 3));
    expect(() => infer('QuantizeLinear', [f(2, 3), zeros(2), zp('int8', 2)], { axis: 1 })).toThrow(
      '2 scales for 3 channels on axis 1',
    );
    expect(() => infer('QuantizeLinear', [f(2, 3), zeros(), zp('int32')])).toThrow(
      'zero point is int32; qtk quantizes to int8, uint8, int16',
    );
    expect(() => infer('QuantizeLinear', [f(2, 3), zeros(), zp('int8', 1)])).toThrow(/must have the scale's shape/);
  });

  it('DequantizeLinear gives float32 of its input shape, int32 included', () => {
    expect(infer('DequantizeLinear', [t('int8', 4, 2), zeros(4), Tensor.zeros('int8', [4])], { axis: 0 })[0]).toEqual(
      f(4, 2),
    );
    expect(infer('DequantizeLinear', [t('int32', 5), zeros(), null])[0]).toEqual(f(5));
    expect(() => infer('DequantizeLinear', [f(5), zeros()])).toThrow('input is float32; qtk dequantizes');
    expect(() => infer('DequantizeLinear', [t('int8', 5), zeros(), Tensor.zeros('uint8', [])])).toThrow(
      'zero point is uint8, input is int8',
    );
  });
});

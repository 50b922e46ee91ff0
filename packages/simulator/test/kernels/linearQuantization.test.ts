import { Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const scalar = (v: number) => f32([], [v]);
const c = (t: Tensor) => ({ constant: t });

describe('QuantizeLinear kernel', () => {
  it('rounds halves to even, adds the zero point and saturates (hand-computed)', () => {
    // s = 0.5: 0.25 -> 0.5 -> 0; 0.75 -> 1.5 -> 2; 1.25 -> 2.5 -> 2; -0.75 -> -1.5 -> -2; 100 -> 200 -> 127;
    // -100 -> -200 -> -128
    const x = f32([6], [0.25, 0.75, 1.25, -0.75, 100, -100]);
    const y = runOp1('QuantizeLinear', [x, c(scalar(0.5)), c(Tensor.zeros('int8', []))]);
    expect(y.dtype).toBe('int8');
    expect(y.toNumbers()).toEqual([0, 2, 2, -2, 127, -128]);
    // uint8 with zero point 128: the same quotients + 128, clamped to [0, 255]
    const u = runOp1('QuantizeLinear', [x, c(scalar(0.5)), c(new Tensor('uint8', [], Uint8Array.of(128)))]);
    expect(u.toNumbers()).toEqual([128, 130, 130, 126, 255, 0]);
  });

  it('divides in float32, as ONNX does, and saturates int16 at 32767', () => {
    // float32(1.05) / float32(0.7) is 1.49999996 in exact arithmetic but exactly 1.5 in float32, which
    // rounds (half to even) to 2; dividing in double would give 1.
    const y = runOp1('QuantizeLinear', [f32([1], [1.05]), c(scalar(0.7)), c(Tensor.zeros('int8', []))]);
    expect(y.toNumbers()).toEqual([2]);
    // 7e-5 / 1e-9 = 70000 -> 32767
    const big = runOp1('QuantizeLinear', [f32([1], [7e-5]), c(scalar(1e-9)), c(Tensor.zeros('int16', []))]);
    expect(big.dtype).toBe('int16');
    expect(big.toNumbers()).toEqual([32767]);
  });

  it('quantizes per axis with a scale and zero point per channel', () => {
    // axis 0 of [2, 2]: row 0 s = 1, z = 0; row 1 s = 0.25, z = -10: 0.3 / 0.25 = 1.2 -> 1 - 10 = -9
    const x = f32([2, 2], [0.3, 2.6, 0.3, 0.7]);
    const y = runOp1('QuantizeLinear', [x, c(f32([2], [1, 0.25])), c(new Tensor('int8', [2], Int8Array.of(0, -10)))], {
      axis: 0,
    });
    // 2.6 -> 3; 0.7 / 0.25 = 2.8 -> 3 - 10 = -7
    expect(y.toNumbers()).toEqual([0, 3, -9, -7]);
  });

  it('refuses NaN, naming the node', () => {
    expect(() =>
      runOp1('QuantizeLinear', [f32([2], [1, Number.NaN]), c(scalar(1)), c(Tensor.zeros('int8', []))]),
    ).toThrow("node 'node' (QuantizeLinear): input element 1 is NaN, which has no quantized value");
  });
});

describe('DequantizeLinear kernel', () => {
  it('subtracts the zero point and multiplies by the scale in float32 (hand-computed)', () => {
    const x = new Tensor('uint8', [4], Uint8Array.of(0, 3, 128, 255));
    const y = runOp1('DequantizeLinear', [x, c(scalar(2)), c(new Tensor('uint8', [], Uint8Array.of(128)))]);
    expect(y.dtype).toBe('float32');
    expect(y.toNumbers()).toEqual([-256, -250, 0, 254]);
    // int16 per axis 1: columns scaled by 0.5 and 0.1 (0.1 as float32 times 3)
    const z = runOp1('DequantizeLinear', [new Tensor('int16', [1, 2], Int16Array.of(-7, 3)), c(f32([2], [0.5, 0.1]))]);
    expect(z.toNumbers()).toEqual([-3.5, Math.fround(Math.fround(0.1) * 3)]);
  });

  it('rounds an int32 value to float32 before the product, as onnxruntime does', () => {
    // 2^24 + 1 is not a float32: it rounds to 2^24 first, so times 1 gives 2^24, not 2^24 + 1 (rounded again).
    const x = new Tensor('int32', [1], Int32Array.of(2 ** 24 + 1));
    expect(runOp1('DequantizeLinear', [x, c(scalar(1))]).toNumbers()).toEqual([2 ** 24]);
    // 3 * (2^24 + 1) in one rounding would be 50331651 -> 50331652; rounding first gives 3 * 2^24 = 50331648.
    expect(runOp1('DequantizeLinear', [x, c(scalar(3))]).toNumbers()).toEqual([50331648]);
  });
});

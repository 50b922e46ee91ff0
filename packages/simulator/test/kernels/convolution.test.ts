import { Graph, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runGraph } from '../../src/index.js';
import { runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const c = (t: Tensor) => ({ constant: t });
const nine = f32([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);

describe('Conv', () => {
  // The 3x3 input is [[1,2,3],[4,5,6],[7,8,9]]; the kernel [[1,0],[0,-1]] takes x[i][j] - x[i+1][j+1].
  const diag = c(f32([1, 1, 2, 2], [1, 0, 0, -1]));

  it('slides a 2x2 kernel, adding the bias', () => {
    // every window gives x[i][j] - x[i+1][j+1] = -4; plus bias 1
    const y = runOp1('Conv', [nine, diag, c(f32([1], [1]))]);
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(y.toNumbers()).toEqual([-3, -3, -3, -3]);
  });

  it('pads with zeros and strides', () => {
    // pads 1, stride 2: windows at (-1,-1), (-1,1), (1,-1), (1,1):
    // -x[0][0] = -1; -x[0][2] = -3; -x[2][0] = -7; x[1][1] - x[2][2] = -4
    const y = runOp1('Conv', [nine, diag], { pads: [1, 1, 1, 1], strides: [2, 2] });
    expect(y.toNumbers()).toEqual([-1, -3, -7, -4]);
  });

  it('pads asymmetrically (top/left only)', () => {
    // pads [1,1,0,0]: output 3x3 - 2 + 1 + 1 = 3x3; window (i-1, j-1):
    // row -1: -x[0][0], -x[0][1], -x[0][2]; row 0: x[0][-1]-x[1][0] = -4, 1-5, 2-6; row 1: -7, 4-8, 5-9
    const y = runOp1('Conv', [nine, diag], { pads: [1, 1, 0, 0] });
    expect(y.shape).toEqual([1, 1, 3, 3]);
    expect(y.toNumbers()).toEqual([-1, -2, -3, -4, -4, -4, -7, -4, -4]);
  });

  it('dilates', () => {
    // [1,2,3,4,5] with kernel [1,1] dilated by 2: x[j] + x[j+2] = 4, 6, 8
    const y = runOp1('Conv', [f32([1, 1, 1, 5], [1, 2, 3, 4, 5]), c(f32([1, 1, 1, 2], [1, 1]))], { dilations: [1, 2] });
    expect(y.toNumbers()).toEqual([4, 6, 8]);
  });

  it('sums over input channels for each output channel', () => {
    // x = [3, 4] (two 1x1 channels); W rows [1,2] and [3,4]: [3 + 8, 9 + 16]
    const y = runOp1('Conv', [f32([1, 2, 1, 1], [3, 4]), c(f32([2, 2, 1, 1], [1, 2, 3, 4]))]);
    expect(y.toNumbers()).toEqual([11, 25]);
  });

  it('groups channels (depthwise)', () => {
    // group 2: channel 0 [1,2,3,4] * 2, channel 1 [5,6,7,8] * -1
    const y = runOp1('Conv', [f32([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), c(f32([2, 1, 1, 1], [2, -1]))], {
      group: 2,
    });
    expect(y.toNumbers()).toEqual([2, 4, 6, 8, -5, -6, -7, -8]);
  });

  it('runs 1-D convolutions', () => {
    // [1,2,3,4,5], kernel [1,2,3], pads [1, 0], stride 2: out (5 + 1 - 3) / 2 + 1 = 2
    // window at -1: 0*1 + 1*2 + 2*3 = 8; window at 1: 2 + 6 + 12 = 20
    const y = runOp1('Conv', [f32([1, 1, 5], [1, 2, 3, 4, 5]), c(f32([1, 1, 3], [1, 2, 3]))], {
      pads: [1, 0],
      strides: [2],
    });
    expect(y.shape).toEqual([1, 1, 2]);
    expect(y.toNumbers()).toEqual([8, 20]);
  });

  it('rejects a channel count that does not fit the weight at run time', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 'C', 1, 1] });
    const w = g.addConstant('w', f32([1, 2, 1, 1], [1, 1]));
    g.setOutputs([g.addNode({ op: 'Conv', name: 'conv', inputs: [x, w] }).output()]);
    expect(() => runGraph(g, { x: f32([1, 3, 1, 1], [1, 2, 3]) })).toThrow(
      "node 'conv' (Conv): input [1,3,1,1] has 3 channels, weight [1,2,1,1] with group 1 expects 2",
    );
  });
});

describe('pooling', () => {
  it('MaxPool with padding: padding never wins, even over negative values', () => {
    const neg = f32([1, 1, 3, 3], [-1, -2, -3, -4, -5, -6, -7, -8, -9]);
    // windows at (-1,-1): {-1}; (-1,1): {-2,-3}; (1,-1): {-4,-7}; (1,1): {-5,-6,-8,-9}
    const y = runOp1('MaxPool', [neg], { kernel_shape: [2, 2], pads: [1, 1, 1, 1], strides: [2, 2] });
    expect(y.toNumbers()).toEqual([-1, -2, -4, -5]);
    expect(runOp1('MaxPool', [nine], { kernel_shape: [2, 2] }).toNumbers()).toEqual([5, 6, 8, 9]);
  });

  it('MaxPool ceil_mode keeps the partial last window; dilations spread the window', () => {
    const x = f32([1, 1, 5], [1, 5, 2, 4, 3]);
    // floor: (5 - 2) / 2 + 1 = 2 windows {1,5}, {2,4}; ceil: 3, the last {3}
    expect(runOp1('MaxPool', [x], { kernel_shape: [2], strides: [2] }).toNumbers()).toEqual([5, 4]);
    expect(runOp1('MaxPool', [x], { kernel_shape: [2], strides: [2], ceil_mode: 1 }).toNumbers()).toEqual([5, 4, 3]);
    // dilation 2: max(x0, x2) = 2, max(x1, x3) = 5, max(x2, x4) = 3
    expect(runOp1('MaxPool', [x], { kernel_shape: [2], dilations: [2] }).toNumbers()).toEqual([2, 5, 3]);
  });

  it('MaxPool on int8', () => {
    const x = new Tensor('int8', [1, 1, 4], Int8Array.of(-128, -100, 7, 127));
    expect(runOp1('MaxPool', [x], { kernel_shape: [2], strides: [2] }).toNumbers()).toEqual([-100, 127]);
  });

  it('AveragePool divides by the elements inside the input, or by the whole window with count_include_pad', () => {
    // windows at (-1,-1): {1}; (-1,1): {2,3}; (1,-1): {4,7}; (1,1): {5,6,8,9}
    const attrs = { kernel_shape: [2, 2], pads: [1, 1, 1, 1], strides: [2, 2] };
    expect(runOp1('AveragePool', [nine], attrs).toNumbers()).toEqual([1, 2.5, 5.5, 7]);
    expect(runOp1('AveragePool', [nine], { ...attrs, count_include_pad: 1 }).toNumbers()).toEqual([
      1 / 4,
      5 / 4,
      11 / 4,
      7,
    ]);
  });

  it('AveragePool in ceil mode does not count the overhang past the end padding', () => {
    const x = f32([1, 1, 5], [1, 2, 3, 4, 5]);
    // no pads: windows {1,2}, {3,4}, {5}: the last divides by 1 either way
    expect(runOp1('AveragePool', [x], { kernel_shape: [2], strides: [2], ceil_mode: 1 }).toNumbers()).toEqual([
      1.5, 3.5, 5,
    ]);
    // end pad 1: (5 + 1 - 2) / 2 + 1 = 3 windows; the last covers x4 and the pad: 5 / 2 with the pad counted
    const attrs = { kernel_shape: [3], strides: [2], pads: [0, 1], ceil_mode: 1, count_include_pad: 1 };
    // kernel 3: windows [0,3) = 6/3, [2,5) = 12/3, [4,6) = 5 / 2 (x4 + one pad; the rest is past the pad)
    expect(runOp1('AveragePool', [x], attrs).toNumbers()).toEqual([2, 4, 2.5]);
  });

  it('GlobalAveragePool averages each channel', () => {
    const y = runOp1('GlobalAveragePool', [f32([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 9])]);
    expect(y.shape).toEqual([1, 2, 1, 1]);
    // (1+2+3+4)/4 = 2.5; (5+6+7+9)/4 = 6.75
    expect(y.toNumbers()).toEqual([2.5, 6.75]);
  });
});

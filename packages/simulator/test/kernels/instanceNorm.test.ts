import { Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const f64 = (shape: number[], values: number[]) => new Tensor('float64', shape, Float64Array.from(values));
const c = (t: Tensor) => ({ constant: t });

describe('InstanceNorm', () => {
  it('normalizes each image and channel over its spatial dims, then scales and shifts per channel', () => {
    // channel 0: [1, 3] -> mean 2, var 1 -> [-1, 1] * 2 + 1 = [-1, 3]
    // channel 1: [5, 5] -> var 0 -> 0 * 10 + 0.5 = 0.5 (epsilon keeps it finite)
    const y = runOp1('InstanceNorm', [f64([1, 2, 2], [1, 3, 5, 5]), c(f64([2], [2, 10])), c(f64([2], [1, 0.5]))], {
      epsilon: 0,
    });
    expect(y.toNumbers().slice(0, 2)).toEqual([-1, 3]);
    const z = runOp1('InstanceNorm', [f64([1, 2, 2], [1, 3, 5, 5]), c(f64([2], [2, 10])), c(f64([2], [1, 0.5]))]);
    // with epsilon 1e-5: [-1, 1] / sqrt(1 + 1e-5)
    const k = 1 / Math.sqrt(1 + 1e-5);
    expect(z.toNumbers()).toEqual([-2 * k + 1, 2 * k + 1, 0.5, 0.5]);
  });

  it('keeps images apart (batch 2) and reads scale and B by channel', () => {
    // two images of one channel, 2x2 each: [0, 0, 2, 2] -> mean 1, var 1 -> [-1, -1, 1, 1]
    const y = runOp1(
      'InstanceNorm',
      [f64([2, 1, 2, 2], [0, 0, 2, 2, 10, 10, 14, 14]), c(f64([1], [3])), c(f64([1], [-1]))],
      { epsilon: 0 },
    );
    // second image: mean 12, var 4 -> [-1, -1, 1, 1]
    expect(y.toNumbers()).toEqual([-4, -4, 2, 2, -4, -4, 2, 2]);
  });

  it('names a scale of the wrong size', () => {
    expect(() => runOp1('InstanceNorm', [f32([1, 2, 2], [1, 2, 3, 4]), f32([3], [1, 1, 1]), f32([2], [0, 0])])).toThrow(
      /scale must be \[2\], got \[3\]/,
    );
  });
});

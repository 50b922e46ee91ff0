import { Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const f64 = (shape: number[], values: number[]) => new Tensor('float64', shape, Float64Array.from(values));
const c = (t: Tensor) => ({ constant: t });

describe('Softmax', () => {
  it('normalizes exponentials: [0, ln 2, ln 5] -> [1, 2, 5] / 8', () => {
    const y = runOp1('Softmax', [f64([3], [0, Math.log(2), Math.log(5)])]).toNumbers();
    [1 / 8, 2 / 8, 5 / 8].forEach((v, i) => {
      expect(y[i]).toBeCloseTo(v, 15);
    });
  });

  it('does not overflow on large logits', () => {
    // exp(1000) overflows a double; subtracting the max gives exp(0) = 1 each
    expect(runOp1('Softmax', [f32([2], [1000, 1000])]).toNumbers()).toEqual([0.5, 0.5]);
    expect(runOp1('Softmax', [f32([2], [-1000, 0])]).toNumbers()).toEqual([0, 1]);
  });

  it('works along a leading axis', () => {
    // columns of [[0, 0], [ln 3, 0]]: [1, 3] / 4 and [1, 1] / 2
    const y = runOp1('Softmax', [f64([2, 2], [0, 0, Math.log(3), 0])], { axis: 0 }).toNumbers();
    [0.25, 0.5, 0.75, 0.5].forEach((v, i) => {
      expect(y[i]).toBeCloseTo(v, 15);
    });
  });
});

describe('LayerNorm', () => {
  // [1,2,3,4]: mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25; with epsilon 0 the
  // normalized values are [-1.5, -0.5, 0.5, 1.5] / sqrt(1.25) = [-1.3416.., -0.4472.., 0.4472.., 1.3416..]
  const normalized = [-1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738];

  it('normalizes over the last dim with scale and bias', () => {
    const x = f64([1, 4], [1, 2, 3, 4]);
    const y = runOp1('LayerNorm', [x, c(f64([4], [1, 2, 1, 2])), c(f64([4], [0, 0, 1, 1]))], { epsilon: 0 });
    const expected = [normalized[0], 2 * normalized[1], normalized[2] + 1, 2 * normalized[3] + 1];
    y.toNumbers().forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] as number, 14);
    });
  });

  it('normalizes over dims axis..last, without scale or bias', () => {
    const y = runOp1('LayerNorm', [f64([2, 2], [1, 2, 3, 4])], { axis: 0, epsilon: 0 });
    y.toNumbers().forEach((v, i) => {
      expect(v).toBeCloseTo(normalized[i] as number, 14);
    });
  });

  it('adds epsilon to the variance', () => {
    // [0, 2]: mean 1, variance 1; epsilon 3 -> (x - 1) / 2
    expect(runOp1('LayerNorm', [f32([2], [0, 2])], { epsilon: 3 }).toNumbers()).toEqual([-0.5, 0.5]);
  });
});

describe('BatchNorm', () => {
  it('normalizes each channel with its running statistics', () => {
    // channel 0: (x - 1) / sqrt(4) * 2 + 0 = x - 1 -> [0, 1]; channel 1: (x - 3) / sqrt(0.25) * 1 + 1 -> [1, 3]
    const y = runOp1(
      'BatchNorm',
      [
        f32([1, 2, 1, 2], [1, 2, 3, 4]),
        c(f32([2], [2, 1])),
        c(f32([2], [0, 1])),
        c(f32([2], [1, 3])),
        c(f32([2], [4, 0.25])),
      ],
      { epsilon: 0 },
    );
    expect(y.toNumbers()).toEqual([0, 1, 1, 3]);
  });
});

describe('ReduceMean', () => {
  const x = f32([2, 3], [1, 2, 3, 4, 5, 6]);
  it('reduces the given axes, keeping them or not', () => {
    // rows: (1+2+3)/3 = 2, (4+5+6)/3 = 5; columns: 2.5, 3.5, 4.5; all: 21/6 = 3.5
    const rows = runOp1('ReduceMean', [x], { axes: [1] });
    expect(rows.shape).toEqual([2, 1]);
    expect(rows.toNumbers()).toEqual([2, 5]);
    const cols = runOp1('ReduceMean', [x], { axes: [-2], keepdims: 0 });
    expect(cols.shape).toEqual([3]);
    expect(cols.toNumbers()).toEqual([2.5, 3.5, 4.5]);
    const all = runOp1('ReduceMean', [x]);
    expect(all.shape).toEqual([1, 1]);
    expect(all.toNumbers()).toEqual([3.5]);
  });

  it('reduces non-adjacent axes of a 3-D tensor', () => {
    // [2,2,2] = 0..7; axes 0 and 2: mean of {0,1,4,5} = 2.5 and {2,3,6,7} = 4.5
    const y = runOp1('ReduceMean', [f32([2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7])], { axes: [0, 2], keepdims: 0 });
    expect(y.toNumbers()).toEqual([2.5, 4.5]);
  });
});

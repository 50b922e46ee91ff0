import { type Attributes, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { type OpArg, runOp1 } from '../support/singleOpGraph.js';

const c = (t: Tensor): OpArg => ({ constant: t });
const scales = (...v: number[]) => c(Tensor.float32([v.length], v));
const sizes = (...v: number[]) => c(Tensor.int64([v.length], v));
const image = (h: number, w: number, values: number[]) => Tensor.float32([1, 1, h, w], values);
const resize = (x: Tensor, args: OpArg[], attrs: Attributes) => runOp1('Resize', [x, ...args], attrs).toNumbers();

describe('Resize kernel (hand-computed)', () => {
  const x = image(2, 2, [1, 2, 3, 4]);

  it('nearest 2x: each input pixel becomes a 2x2 block (asymmetric floor as PyTorch exports it)', () => {
    expect(
      resize(x, [null, scales(1, 1, 2, 2)], { coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' }),
    ).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });

  it('nearest moves values of any dtype (int8 of converted graphs, int64, bool)', () => {
    const int8 = new Tensor('int8', [1, 4], Int8Array.of(-128, 5, 7, 127));
    // half_pixel, round_prefer_floor, 4 -> 2: coordinates 0.5 and 2.5 round down to 0 and 2
    expect(runOp1('Resize', [int8, null, scales(1, 0.5)], {}).data).toEqual(Int8Array.of(-128, 7));
    const int64 = Tensor.int64([3], [10, 20, 30]);
    // half_pixel coordinates (x + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, 1.75, 2.25, floored (clamped at 0)
    expect(runOp1('Resize', [int64, null, null, sizes(6)], { nearest_mode: 'floor' }).toNumbers()).toEqual([
      10, 10, 10, 20, 20, 30,
    ]);
    const bool = new Tensor('bool', [2], Uint8Array.of(1, 0));
    expect(runOp1('Resize', [bool, null, scales(2)], { coordinate_transformation_mode: 'asymmetric' }).data).toEqual(
      Uint8Array.of(1, 1, 0, 0),
    );
  });

  it('linear 2x with half_pixel: source coordinates -0.25, 0.25, 0.75, 1.25 clamped to [0, 1]', () => {
    expect(resize(x, [null, scales(1, 1, 2, 2)], { mode: 'linear' })).toEqual([
      1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4,
    ]);
  });

  it('linear 2x with align_corners: coordinates x / 3', () => {
    const row = resize(image(1, 2, [0, 3]), [null, null, sizes(1, 1, 1, 4)], {
      mode: 'linear',
      coordinate_transformation_mode: 'align_corners',
    });
    expect(row.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 1, 2, 3]);
  });

  it('cubic reproduces a constant and a linear ramp (inside the input)', () => {
    const ramp = image(1, 6, [0, 1, 2, 3, 4, 5]);
    const out = resize(ramp, [null, null, sizes(1, 1, 1, 12)], {
      mode: 'cubic',
      coordinate_transformation_mode: 'asymmetric',
    });
    // asymmetric: coordinate x / 2; taps need two neighbours each side, so from x = 2 to x = 6 the ramp is exact
    for (let i = 2; i <= 6; i++) expect(out[i]).toBeCloseTo(i / 2, 6);
    const flat = resize(image(3, 3, new Array(9).fill(2.5)), [null, scales(1, 1, 1.7, 2.3)], { mode: 'cubic' });
    for (const v of flat) expect(v).toBeCloseTo(2.5, 6);
  });

  it('tf_crop_and_resize writes extrapolation_value where the crop reaches outside the input', () => {
    // crop [0.5, 1.5] of a 3-wide row over 5 outputs: coordinates 1 + x / 2 (above 2 is outside)
    const roi = c(Tensor.float32([8], [0, 0, 0, 0.5, 1, 1, 1, 1.5]));
    const out = resize(image(1, 3, [10, 20, 30]), [roi, null, sizes(1, 1, 1, 5)], {
      mode: 'linear',
      coordinate_transformation_mode: 'tf_crop_and_resize',
      extrapolation_value: -1,
    });
    expect(out).toEqual([20, 25, 30, -1, -1]);
  });

  it('an output of the input shape is the input (onnxruntime copies it)', () => {
    expect(resize(x, [null, scales(1, 1, 1.2, 1.2)], { mode: 'linear' })).toEqual([1, 2, 3, 4]);
  });

  it('names what is wrong', () => {
    const int8 = new Tensor('int8', [1, 4], Int8Array.of(1, 2, 3, 4));
    expect(() => runOp1('Resize', [int8, null, scales(1, 2)], { mode: 'linear' })).toThrow(
      /node 'node' \(Resize\): linear mode needs float32 or float64 data, got int8/,
    );
  });
});

describe('GridSample kernel (hand-computed)', () => {
  const x = image(2, 2, [1, 2, 3, 4]);
  const grid = (...points: number[]) => Tensor.float32([1, 1, points.length / 2, 2], points);
  const sample = (g: Tensor, attrs: Attributes) => runOp1('GridSample', [x, g], attrs).toNumbers();

  it('bilinear: the centre is the mean; a corner is its pixel with align_corners', () => {
    expect(sample(grid(0, 0), {})).toEqual([2.5]);
    expect(sample(grid(-1, -1, 1, -1, 1, 1), { align_corners: 1 })).toEqual([1, 2, 4]);
  });

  it('padding: a point half a pixel outside reads zeros, the border, or the reflection', () => {
    // (-1, -1) without align_corners is pixel (-0.5, -0.5): a quarter of pixel (0, 0) with zeros
    expect(sample(grid(-1, -1), {})).toEqual([0.25]);
    expect(sample(grid(-1, -1), { padding_mode: 'border' })).toEqual([1]);
    expect(sample(grid(-1, -1), { padding_mode: 'reflection' })).toEqual([1]);
    // x = 1.5 (grid 2.0 without align) is 1 past the last pixel centre: border reads x = 1
    expect(sample(grid(2, -0.5), { padding_mode: 'border' })).toEqual([2]);
  });

  it('nearest rounds half to even', () => {
    // grid (0, 0) is pixel (0.5, 0.5): rounds to (0, 0)
    expect(sample(grid(0, 0), { mode: 'nearest' })).toEqual([1]);
    // grid (0.5, 0) is (1, 0.5): column 1, row 0
    expect(sample(grid(0.5, 0), { mode: 'nearest' })).toEqual([2]);
  });

  it('bicubic reproduces a constant with border padding', () => {
    const flat = Tensor.float32([1, 1, 3, 3], new Array(9).fill(1.5));
    const out = runOp1('GridSample', [flat, grid(0.3, -0.7, 0.9, 0.1)], { mode: 'bicubic', padding_mode: 'border' });
    for (const v of out.toNumbers()) expect(v).toBeCloseTo(1.5, 6);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type AttributeValue,
  cubicWeights,
  nearestIndex,
  opRegistry,
  type ResizeAxis,
  resizeSourceCoordinate,
  scaledLength,
  Tensor,
} from '../../src/index.js';
import { f, type NodeArg, singleNode } from '../support/singleNode.js';

const infer = (op: string, args: NodeArg[], attrs: Record<string, AttributeValue> = {}) =>
  singleNode(op, args, attrs).output().type.shape;
const scales = (...v: number[]) => Tensor.float32([v.length], v);
const sizes = (...v: number[]) => Tensor.int64([v.length], v);

describe('Resize shape inference', () => {
  it('gives static dims from constant scales: floor(scale * length), the product in float32', () => {
    expect(infer('Resize', [f(1, 3, 4, 5), null, scales(1, 1, 2, 2)])).toEqual([1, 3, 8, 10]);
    // 0.6 * 5 = 3.0000001 -> 3
    expect(infer('Resize', [f(1, 1, 2, 5), null, scales(1, 1, 0.6, 0.6)])).toEqual([1, 1, 1, 3]);
    // float32(0.7) * 10 = 6.99999988 in double, 7 in float32 (onnxruntime's and PyTorch's answer)
    expect(infer('Resize', [f(1, 1, 10, 10), null, scales(1, 1, 0.7, 0.7)])).toEqual([1, 1, 7, 7]);
  });

  it('gives the sizes, with symbolic input dims where the sizes leave them', () => {
    expect(infer('Resize', [f(1, 3, 4, 5), null, null, sizes(1, 3, 9, 10)])).toEqual([1, 3, 9, 10]);
    expect(infer('Resize', [f('N', 3, 'H', 'W'), null, null, sizes(7, 3, 9, 10)])).toEqual([7, 3, 9, 10]);
    expect(infer('Resize', [f('N', 3, 4, 5), null, null, sizes(9, 10)], { axes: [2, 3] })).toEqual(['N', 3, 9, 10]);
    expect(infer('Resize', [f('N', 3, 4, 5), null, scales(2, 2)], { axes: [-2, -1] })).toEqual(['N', 3, 8, 10]);
  });

  it('keeps the aspect ratio when asked (opset 18): one scale for the listed axes, round(scale * length)', () => {
    // not_larger: min(9/4, 20/5) = 2.25 -> [9, round(11.25) = 11]
    expect(
      infer('Resize', [f(1, 1, 4, 5), null, null, sizes(9, 20)], {
        axes: [2, 3],
        keep_aspect_ratio_policy: 'not_larger',
      }),
    ).toEqual([1, 1, 9, 11]);
    // not_smaller: max(...) = 4 -> [16, 20]
    expect(
      infer('Resize', [f(1, 1, 4, 5), null, null, sizes(9, 20)], {
        axes: [2, 3],
        keep_aspect_ratio_policy: 'not_smaller',
      }),
    ).toEqual([1, 1, 16, 20]);
  });

  it('leaves dims symbolic when the scales or sizes are computed', () => {
    expect(infer('Resize', [f(1, 3, 4, 5), null, f(4)])).toEqual(['?', '?', '?', '?']);
    expect(infer('Resize', [f(1, 3, 4, 5), null, null, { dtype: 'int64', shape: [4] }])).toEqual(['?', '?', '?', '?']);
    expect(infer('Resize', [f(1, 3, 'H', 5), null, scales(1, 1, 2, 2)])).toEqual([1, 3, '?', 10]);
  });

  it('names what is wrong', () => {
    expect(() => infer('Resize', [f(1, 3, 4, 5), null, scales(2, 2)])).toThrow(/scales has 2 entries, expected 4/);
    expect(() => infer('Resize', [f(1, 3, 4, 5)])).toThrow(/one of scales and sizes must be given/);
    expect(() => infer('Resize', [f(1, 3, 4, 5), null, scales(1, 1, 2, 2), sizes(1, 3, 8, 10)])).toThrow(
      /scales and sizes must not both be given/,
    );
    expect(() => infer('Resize', [f(1, 3, 4, 5), null, scales(1, 1, 2, 2)], { mode: 'bilinear' })).toThrow(
      /mode 'bilinear' is not one of nearest, linear, cubic/,
    );
    expect(() =>
      infer('Resize', [f(1, 3, 4, 5), null, scales(1, 1, 2, 2)], { mode: 'linear', exclude_outside: 1 }),
    ).toThrow(/exclude_outside applies to cubic mode only/);
    expect(() => infer('Resize', [f(1, 3, 4, 5), null, scales(1, 1, 0, 2)])).toThrow(/scales must be positive/);
    expect(() => infer('Resize', [f(1, 3, 4, 5), null, null, sizes(1, 3, 8, 10)], { axes: [4] })).toThrow(
      /axis 4 out of range for rank 4/,
    );
  });

  it('is passthrough in nearest mode (data movement) and compute in linear and cubic modes', () => {
    const role = (mode: string) =>
      opRegistry.traitsOf(singleNode('Resize', [f(1, 1, 2, 2), null, scales(1, 1, 2, 2)], { mode })).quantRole;
    expect(role('nearest')).toBe('passthrough');
    expect(role('linear')).toBe('compute');
    expect(role('cubic')).toBe('compute');
    expect(
      opRegistry.traitsOf(singleNode('Resize', [f(1, 1, 2, 2), null, scales(1, 1, 2, 2)])).parameterInputs,
    ).toEqual([1, 2]);
  });
});

describe('Resize coordinates (onnxruntime arithmetic)', () => {
  const axis = (inLength: number, outLength: number, scale = Math.fround(outLength / inLength)): ResizeAxis => ({
    inLength,
    outLength,
    scale,
    roiStart: 0,
    roiEnd: 1,
  });

  it('maps output indices by each coordinate transformation mode', () => {
    const a = axis(4, 8);
    expect([0, 1, 7].map((x) => resizeSourceCoordinate('half_pixel', x, a))).toEqual([-0.25, 0.25, 3.25]);
    expect([0, 1, 7].map((x) => resizeSourceCoordinate('asymmetric', x, a))).toEqual([0, 0.5, 3.5]);
    expect([0, 1, 7].map((x) => resizeSourceCoordinate('align_corners', x, a))).toEqual([0, 3 / 7, 3].map(Math.fround));
    expect(resizeSourceCoordinate('pytorch_half_pixel', 0, axis(4, 1, 0.25))).toBe(0);
    expect(resizeSourceCoordinate('half_pixel', 0, axis(4, 1, 0.25))).toBe(1.5);
    // align_corners divides by the integer output length - 1 (onnxruntime and PyTorch), not scale * length - 1
    expect(resizeSourceCoordinate('align_corners', 1, axis(4, 2, Math.fround(0.6)))).toBe(3);
    // tf_crop_and_resize: the crop [0.4, 0.6] of 4 pixels over 3 outputs: 1.2 + x * 0.2 * 3 / 2
    const crop = { ...axis(4, 3), roiStart: Math.fround(0.4), roiEnd: Math.fround(0.6) };
    expect([0, 1, 2].map((x) => resizeSourceCoordinate('tf_crop_and_resize', x, crop))).toEqual(
      [1.2, 1.5, 1.8].map((v) => expect.closeTo(v, 6)),
    );
    // half_pixel_symmetric with scale 0.6 over 5 -> 3 outputs: offset 2.5 * (1 - 3 / 3) = 0
    expect(resizeSourceCoordinate('half_pixel_symmetric', 0, axis(5, 3, Math.fround(0.6)))).toBeCloseTo(1 / 3, 6);
    // scale 1: every mode maps an index to itself
    expect(resizeSourceCoordinate('align_corners', 2, axis(4, 4, 1))).toBe(2);
  });

  it('rounds nearest indices as onnxruntime does', () => {
    expect([0.5, 1.5, 1.4, 1.6].map((c) => nearestIndex('round_prefer_floor', c))).toEqual([0, 1, 1, 2]);
    expect([0.5, 1.5, 1.4].map((c) => nearestIndex('round_prefer_ceil', c))).toEqual([1, 2, 1]);
    expect([0.9, -0.1].map((c) => nearestIndex('floor', c))).toEqual([0, -1]);
    expect([0.1, 2].map((c) => nearestIndex('ceil', c))).toEqual([1, 2]);
    // 20 -> 6 with half_pixel: (4 + 0.5) / 0.3 - 0.5 is the tie 14.5, computed in float32 as 14.499999
    const c = Math.fround(Math.fround(4.5 / Math.fround(0.3)) - 0.5);
    expect(c).toBeLessThan(14.5);
    expect(nearestIndex('round_prefer_ceil', c)).toBe(15);
    expect(nearestIndex('round_prefer_floor', Math.fround(14.500001))).toBe(14);
  });

  it('output lengths follow the float32 product', () => {
    expect(scaledLength(10, 0.7)).toBe(7);
    expect(scaledLength(5, 0.6)).toBe(3);
    expect(scaledLength(3, 1 / 3)).toBe(1);
  });

  it("Keys' cubic weights sum to 1 and interpolate at the taps", () => {
    for (const s of [0, 0.25, 0.5, 0.9]) {
      for (const a of [-0.75, -0.5]) expect(cubicWeights(s, a).reduce((p, q) => p + q, 0)).toBeCloseTo(1, 12);
    }
    expect(cubicWeights(0, -0.75)).toEqual([0, 1, 0, 0]);
  });
});

describe('GridSample shape inference', () => {
  it('gives N x C x Hout x Wout', () => {
    expect(infer('GridSample', [f(2, 3, 8, 9), f(2, 5, 6, 2)])).toEqual([2, 3, 5, 6]);
    expect(infer('GridSample', [f('N', 3, 8, 9), f('N', 'h', 'w', 2)], { mode: 'nearest' })).toEqual([
      'N',
      3,
      'h',
      'w',
    ]);
  });

  it('names what is wrong', () => {
    expect(() => infer('GridSample', [f(2, 3, 8), f(2, 5, 2)])).toThrow(/input must be N x C x H x W, got rank 3/);
    expect(() => infer('GridSample', [f(2, 3, 8, 9), f(2, 5, 6, 3)])).toThrow(/grid must be N x Hout x Wout x 2/);
    expect(() => infer('GridSample', [f(2, 3, 8, 9), f(1, 5, 6, 2)])).toThrow(
      /grid batch 1 differs from the input's 2/,
    );
    expect(() => infer('GridSample', [f(2, 3, 8, 9), f(2, 5, 6, 2)], { mode: 'linear' })).toThrow(
      /mode 'linear' is not one of bilinear, nearest, bicubic/,
    );
    expect(() => infer('GridSample', [f(2, 3, 8, 9), f(2, 5, 6, 2)], { padding_mode: 'edge' })).toThrow(
      /padding_mode 'edge' is not one of zeros, border, reflection/,
    );
  });

  it('is a compute op whose grid is an activation (quantized, not a parameter), int16 in the int8 presets', () => {
    const t = opRegistry.traitsOf(singleNode('GridSample', [f(1, 1, 2, 2), f(1, 1, 1, 2)]));
    expect(t.quantRole).toBe('compute');
    expect(t.parameterInputs).toBeUndefined();
    expect(t.int16Inputs).toEqual([1]);
  });
});

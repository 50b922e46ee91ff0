import { type Attributes, manualSeed, rand, randn, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { expectSingleOpMatchesOnnxruntime } from './support/onnxruntimeReference.js';
import type { OpArg } from './support/singleOpGraph.js';

// Resize and GridSample on random data against onnxruntime running the same single-op model
// (exported by @qtk/onnx at opset 19, which has every Resize form). Floats to 1e-5 relative to
// max(|reference|, 1); nearest picks the same pixels, so it agrees exactly.
const RTOL = 1e-5;
const OPSET = 19;

const c = (t: Tensor): OpArg => ({ constant: t });

async function agree(args: OpArg[], attrs: Attributes, op = 'Resize', what = JSON.stringify(attrs)): Promise<void> {
  await expectSingleOpMatchesOnnxruntime({ what: `${op} ${what}`, op, args, attrs, opset: OPSET, rtol: RTOL });
}

/** Scales (and sizes) that hit ties, exact and inexact ratios, shrinking and enlarging. */
const SCALES: readonly [number, number][] = [
  [2, 2],
  [0.5, 0.5],
  [0.6, 1.7],
  [3, 0.75],
  [1.5, 2.4],
  [1, 0.3],
];
const SIZES: readonly [number, number][] = [
  [9, 10],
  [3, 2],
  [1, 7],
  [5, 5],
];
const COORDINATE_MODES = [
  'half_pixel',
  'half_pixel_symmetric',
  'pytorch_half_pixel',
  'align_corners',
  'asymmetric',
  'tf_crop_and_resize',
] as const;

function resizeArgs(x: Tensor, mode: string, s: { scales?: [number, number]; sizes?: [number, number] }): OpArg[] {
  const roi = mode === 'tf_crop_and_resize' ? c(Tensor.float32([8], [0, 0, 0.2, -0.1, 1, 1, 0.9, 1.2])) : null;
  if (s.scales) return [x, roi, c(Tensor.float32([4], [1, 1, ...s.scales]))];
  return [x, roi, null, c(Tensor.int64([4], [x.shape[0] as number, x.shape[1] as number, ...(s.sizes ?? [])]))];
}

describe('Resize against onnxruntime', () => {
  const shapes: [number, number][] = [
    [5, 6],
    [4, 4],
    [1, 3],
  ];
  for (const interpolation of ['nearest', 'linear', 'cubic'] as const) {
    for (const ctm of COORDINATE_MODES) {
      it(`${interpolation} ${ctm}, scales and sizes`, async () => {
        manualSeed(7);
        const nearestModes =
          interpolation === 'nearest' ? (['round_prefer_floor', 'round_prefer_ceil', 'floor', 'ceil'] as const) : [''];
        for (const [h, w] of shapes) {
          const x = randn(2, 3, h, w);
          for (const s of [...SCALES.map((v) => ({ scales: v })), ...SIZES.map((v) => ({ sizes: v }))]) {
            for (const nearest of nearestModes) {
              const attrs: Record<string, number | string> = {
                mode: interpolation,
                coordinate_transformation_mode: ctm,
                extrapolation_value: -3,
              };
              if (nearest) attrs.nearest_mode = nearest;
              await agree(
                resizeArgs(x, ctm, s),
                attrs,
                'Resize',
                `${JSON.stringify(attrs)} ${JSON.stringify(s)} on ${h}x${w}`,
              );
            }
          }
        }
      });
    }
  }

  it('cubic with coefficient -0.5 and exclude_outside', async () => {
    manualSeed(8);
    const x = randn(1, 2, 5, 7);
    for (const s of SCALES) {
      await agree(resizeArgs(x, 'half_pixel', { scales: s }), {
        mode: 'cubic',
        cubic_coeff_a: -0.5,
        exclude_outside: 1,
      });
    }
  });

  it('opset 18 forms: axes, keep_aspect_ratio_policy', async () => {
    manualSeed(9);
    const x = randn(1, 2, 5, 7);
    const sizes = c(Tensor.int64([2], [9, 20]));
    for (const policy of ['stretch', 'not_larger', 'not_smaller']) {
      for (const mode of ['nearest', 'linear']) {
        await agree([x, null, null, sizes], { mode, axes: [2, 3], keep_aspect_ratio_policy: policy });
      }
    }
    await agree([x, null, c(Tensor.float32([2], [1.5, 0.5]))], { mode: 'linear', axes: [3, 2] });
  });

  it('nearest and linear along every axis of 1-D to 3-D tensors', async () => {
    manualSeed(10);
    await agree([randn(7), null, c(Tensor.float32([1], [2.5]))], { mode: 'nearest' });
    await agree([randn(4, 6), null, c(Tensor.float32([2], [1.5, 0.5]))], { mode: 'linear' });
    await agree([randn(3, 4, 6), null, c(Tensor.float32([3], [2, 1.5, 0.5]))], {
      mode: 'linear',
      coordinate_transformation_mode: 'align_corners',
    });
    await agree([randn(5, 6), null, c(Tensor.float32([2], [0.5, 1.7]))], { mode: 'cubic' });
  });

  it('nearest ties computed a float32 ulp off (20 -> 6, half_pixel) round as nearest_mode says', async () => {
    const x = Tensor.float32(
      [1, 1, 1, 20],
      Array.from({ length: 20 }, (_, i) => i),
    );
    for (const nearest of ['round_prefer_ceil', 'round_prefer_floor']) {
      await agree([x, null, null, c(Tensor.int64([4], [1, 1, 1, 6]))], { mode: 'nearest', nearest_mode: nearest });
    }
  });

  it('nearest on int8 and int32 data (onnxruntime has no int64 Resize)', async () => {
    manualSeed(11);
    const int8 = new Tensor(
      'int8',
      [1, 1, 5, 6],
      Int8Array.from(rand(30).data, (u) => Math.floor(u * 256) - 128),
    );
    await agree([int8, null, c(Tensor.float32([4], [1, 1, 1.7, 0.6]))], { mode: 'nearest' });
    const int32 = new Tensor('int32', [1, 6], Int32Array.of(3, -1, 4, 1, -5, 9));
    await agree([int32, null, c(Tensor.float32([2], [1, 1.5]))], { mode: 'nearest', nearest_mode: 'ceil' });
  });
});

describe('GridSample against onnxruntime', () => {
  for (const mode of ['bilinear', 'nearest', 'bicubic']) {
    for (const padding of ['zeros', 'border', 'reflection']) {
      for (const alignCorners of [0, 1]) {
        it(`${mode}, ${padding} padding, align_corners ${alignCorners}`, async () => {
          manualSeed(12);
          const x = randn(2, 3, 5, 7);
          // grid points in [-1.3, 1.3]: inside and outside the input, on both sides
          const grid = Tensor.float32(
            [2, 4, 6, 2],
            Array.from(rand(2, 4, 6, 2).data, (u) => (u * 2 - 1) * 1.3),
          );
          await agree([x, grid], { mode, padding_mode: padding, align_corners: alignCorners }, 'GridSample');
        });
      }
    }
  }

  it('nearest at exact halves rounds as onnxruntime (half to even)', async () => {
    const x = randn(1, 1, 4, 4);
    // Without align_corners, grid g maps to ((g + 1) 4 - 1) / 2: g = -0.5, 0, 0.5 give 0.5, 1.5, 2.5
    const g = [-0.5, 0, 0.5, -0.75, 0.25];
    const grid = Tensor.float32(
      [1, 1, g.length * g.length, 2],
      g.flatMap((a) => g.flatMap((b) => [a, b])),
    );
    await agree([x, grid], { mode: 'nearest' }, 'GridSample');
    expect(grid.size).toBe(50);
  });
});

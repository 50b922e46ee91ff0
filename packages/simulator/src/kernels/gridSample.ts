import { formatShape, type Kernel, roundHalfToEven, Tensor } from '@qtk/ir';
import { floatInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

type Padding = 'zeros' | 'border' | 'reflection';

/**
 * Keys' cubic weights with a = -0.75 (PyTorch's bicubic) for the taps at distances 1 + t, t, 1 - t
 * and 2 - t.
 */
function cubicWeights(t: number, w: Float64Array): void {
  const a = -0.75;
  const near = (d: number) => ((a + 2) * d - (a + 3)) * d * d + 1;
  const far = (d: number) => ((a * d - 5 * a) * d + 8 * a) * d - 4 * a;
  w[0] = far(t + 1);
  w[1] = near(t);
  w[2] = near(1 - t);
  w[3] = far(2 - t);
}

/** Reflects integer tap `c` into [lo, hi] as onnxruntime does (by whole spans of the range). */
function reflect(c: number, lo: number, hi: number): number {
  const range = hi - lo;
  if (range <= 0) return 0;
  if (c < lo) {
    const d = lo - c;
    const n = Math.trunc(d / range);
    const r = d - n * range;
    return Math.trunc(n % 2 === 0 ? lo + r : hi - r);
  }
  if (c > hi) {
    const d = c - hi;
    const n = Math.trunc(d / range);
    const r = d - n * range;
    return Math.trunc(n % 2 === 0 ? hi - r : lo + r);
  }
  return c;
}

/**
 * ONNX GridSample (opset 16) on 4-D float input, with onnxruntime's arithmetic: each grid point
 * (x, y) in [-1, 1] is denormalized to pixel coordinates (in float32 for float32 grids:
 * `((g + 1) / 2) (L - 1)` with `align_corners`, `((g + 1) L - 1) / 2` without); bilinear mode
 * weighs the four pixels around it, nearest mode takes the pixel at the coordinates rounded half
 * to even, bicubic mode the 4 x 4 pixels around it with Keys' weights (a = -0.75). Padding applies
 * to each tap: outside pixels read 0 (`zeros`), the nearest edge pixel (`border`), or the pixel
 * reflected into the input (`reflection`: about the edge pixels' centres with `align_corners`,
 * about the input's outer edges without).
 */
export const gridSampleKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  const grid = floatInput(ctx, 1);
  if (x.rank !== 4) throw nodeError(ctx, `input must be N x C x H x W, got ${formatShape(x.shape)}`);
  const [n, c, h, w] = x.shape as [number, number, number, number];
  if (grid.rank !== 4 || grid.shape[0] !== n || grid.shape[3] !== 2) {
    throw nodeError(
      ctx,
      `grid must be ${n} x Hout x Wout x 2 for input ${formatShape(x.shape)}, got ${formatShape(grid.shape)}`,
    );
  }
  const mode = ctx.attrs.string('mode');
  const padding = ctx.attrs.string('padding_mode') as Padding;
  const alignCorners = ctx.attrs.int('align_corners') !== 0;
  if (!['bilinear', 'nearest', 'bicubic'].includes(mode)) throw nodeError(ctx, `mode '${mode}' is not supported`);
  if (!['zeros', 'border', 'reflection'].includes(padding))
    throw nodeError(ctx, `padding_mode '${padding}' is not supported`);
  const [hOut, wOut] = [grid.shape[1] as number, grid.shape[2] as number];
  const out = Tensor.zeros(x.dtype, [n, c, hOut, wOut]);
  const src = x.data;
  const dst = out.data;
  const f32 = grid.dtype === 'float32';
  const r = (v: number) => (f32 ? Math.fround(v) : v);
  const denormalize = (g: number, length: number) =>
    alignCorners ? r(r(r(g + 1) / 2) * (length - 1)) : r(r(r(g + 1) * length - 1) / 2);
  const [xMin, xMax, yMin, yMax] = alignCorners ? [0, w - 1, 0, h - 1] : [-0.5, w - 0.5, -0.5, h - 0.5];
  // The plane offset of pixel (row, col) after padding, or -1 for a zero.
  const at = (row: number, col: number): number => {
    if (padding === 'zeros') return row < 0 || row >= h || col < 0 || col >= w ? -1 : row * w + col;
    if (padding === 'border') return Math.min(Math.max(row, 0), h - 1) * w + Math.min(Math.max(col, 0), w - 1);
    return reflect(row, yMin, yMax) * w + reflect(col, xMin, xMax);
  };
  const points = hOut * wOut;
  const taps = mode === 'bicubic' ? 16 : mode === 'bilinear' ? 4 : 1;
  // Per grid point of one batch: the planar offsets of its taps and their weights, shared by all channels.
  const offsets = new Int32Array(points * taps);
  const weights = new Float64Array(points * taps);
  const wx = new Float64Array(4);
  const wy = new Float64Array(4);
  const plane = h * w;
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < points; p++) {
      const gx = denormalize(grid.data[(b * points + p) * 2] as number, w);
      const gy = denormalize(grid.data[(b * points + p) * 2 + 1] as number, h);
      const k = p * taps;
      if (mode === 'nearest') {
        offsets[k] = at(roundHalfToEven(gy), roundHalfToEven(gx));
        weights[k] = 1;
      } else if (mode === 'bilinear') {
        const x1 = Math.floor(gx);
        const y1 = Math.floor(gy);
        const dx = r(gx - x1);
        const dy = r(gy - y1);
        const ex = r(x1 + 1 - gx);
        const ey = r(y1 + 1 - gy);
        offsets.set([at(y1, x1), at(y1, x1 + 1), at(y1 + 1, x1), at(y1 + 1, x1 + 1)], k);
        weights.set([ey * ex, ey * dx, dy * ex, dy * dx], k);
      } else {
        const x0 = Math.floor(gx) - 1;
        const y0 = Math.floor(gy) - 1;
        cubicWeights(r(gx - x0 - 1), wx);
        cubicWeights(r(gy - y0 - 1), wy);
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            offsets[k + i * 4 + j] = at(y0 + i, x0 + j);
            weights[k + i * 4 + j] = (wy[i] as number) * (wx[j] as number);
          }
        }
      }
    }
    for (let ch = 0; ch < c; ch++) {
      const base = (b * c + ch) * plane;
      const o = (b * c + ch) * points;
      for (let p = 0; p < points; p++) {
        let sum = 0;
        for (let t = p * taps; t < (p + 1) * taps; t++) {
          const off = offsets[t] as number;
          if (off >= 0) sum += (weights[t] as number) * (src[base + off] as number);
        }
        dst[o + p] = sum;
      }
    }
  }
  return [out];
};

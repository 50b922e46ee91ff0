import { formatShape, type Kernel, multiplyByFixedPoint } from '@qtk/ir';
import { requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';
import { finishInterpolation } from './interpolationOutput.js';

/**
 * Integer bilinear GridSample (see `IntegerGridSample` in `@qtk/ir`): fixed-point source
 * coordinates from the grid codes, fixed-point weights from their fractions, the exact sum of the
 * four products, then the interpolation output stage.
 */
export const integerGridSampleKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const grid = requiredInput(ctx, 1);
  for (const t of [x, grid]) {
    if (t.dtype !== 'int8' && t.dtype !== 'int16') throw nodeError(ctx, `inputs must be int8 or int16, got ${t.dtype}`);
  }
  const [n, c, h, w] = x.shape as [number, number, number, number];
  if (x.rank !== 4 || grid.rank !== 4 || grid.shape[0] !== n || grid.shape[3] !== 2) {
    throw nodeError(ctx, `grid ${formatShape(grid.shape)} does not fit input ${formatShape(x.shape)}`);
  }
  const bits = ctx.attrs.int('weight_bits');
  const one = 2 ** bits;
  const border = ctx.attrs.string('padding_mode') === 'border';
  const [mx, my] = ctx.attrs.ints('coord_multipliers') as [number, number];
  const [sx, sy] = ctx.attrs.ints('coord_shifts') as [number, number];
  const [bx, by] = ctx.attrs.ints('coord_offsets') as [number, number];
  const [xLo, xHi] = border ? [0, (w - 1) * one] : [-one, w * one];
  const [yLo, yHi] = border ? [0, (h - 1) * one] : [-one, h * one];
  const points = (grid.shape[1] as number) * (grid.shape[2] as number);
  const g = grid.data as Int8Array | Int16Array;
  const src = x.data as Int8Array | Int16Array;
  // Per grid point of one batch: the four taps' planar offsets (-1 reads 0) and weights.
  const offsets = new Int32Array(points * 4);
  const weights = new Float64Array(points * 4);
  const acc = new Float64Array(n * c * points);
  const plane = h * w;
  // A tap's index after padding: clamped (border), or -1 outside the input (zeros).
  const col = (i: number) => (border ? Math.min(i, w - 1) : i < 0 || i >= w ? -1 : i);
  const row = (i: number) => (border ? Math.min(i, h - 1) : i < 0 || i >= h ? -1 : i);
  const at = (r: number, cc: number) => (r < 0 || cc < 0 ? -1 : r * w + cc);
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < points; p++) {
      const k = (b * points + p) * 2;
      const u = Math.min(Math.max(multiplyByFixedPoint(g[k] as number, mx, sx) + bx, xLo), xHi);
      const v = Math.min(Math.max(multiplyByFixedPoint(g[k + 1] as number, my, sy) + by, yLo), yHi);
      const x0 = Math.floor(u / one);
      const y0 = Math.floor(v / one);
      const fx = u - x0 * one;
      const fy = v - y0 * one;
      const c0 = col(x0);
      const c1 = col(x0 + 1);
      const r0 = row(y0);
      const r1 = row(y0 + 1);
      offsets.set([at(r0, c0), at(r0, c1), at(r1, c0), at(r1, c1)], p * 4);
      weights.set([(one - fy) * (one - fx), (one - fy) * fx, fy * (one - fx), fy * fx], p * 4);
    }
    for (let ch = 0; ch < c; ch++) {
      const base = (b * c + ch) * plane;
      const o = (b * c + ch) * points;
      for (let p = 0; p < points; p++) {
        let sum = 0;
        for (let t = p * 4; t < p * 4 + 4; t++) {
          const off = offsets[t] as number;
          if (off >= 0) sum += (weights[t] as number) * (src[base + off] as number);
        }
        acc[o + p] = sum;
      }
    }
  }
  return [finishInterpolation(ctx, acc, [n, c, grid.shape[1] as number, grid.shape[2] as number])];
};

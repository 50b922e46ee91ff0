import { type Kernel, numel } from '@qtk/ir';
import { requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';
import { finishInterpolation } from './interpolationOutput.js';

/**
 * Integer bilinear Resize of the last two axes (see `IntegerResize` in `@qtk/ir`): the exact sum
 * of the four products of each output element (below 2^51, exact in doubles), then the
 * interpolation output stage.
 */
export const integerResizeKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'int8' && x.dtype !== 'int16') throw nodeError(ctx, `input is ${x.dtype}, expected int8 or int16`);
  if (x.rank < 2) throw nodeError(ctx, 'input must have at least two dims');
  const yi = ctx.attrs.ints('y_indices');
  const yw = ctx.attrs.ints('y_weights');
  const xi = ctx.attrs.ints('x_indices');
  const xw = ctx.attrs.ints('x_weights');
  const h = x.shape[x.rank - 2] as number;
  const w = x.shape[x.rank - 1] as number;
  if (yi.some((i) => i < 0 || i >= h) || xi.some((i) => i < 0 || i >= w)) {
    throw nodeError(ctx, `indices outside the input's ${h} x ${w} planes`);
  }
  const hOut = yi.length / 2;
  const wOut = xi.length / 2;
  const planes = numel(x.shape.slice(0, x.rank - 2));
  const src = x.data as Int8Array | Int16Array;
  const acc = new Float64Array(planes * hOut * wOut);
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * h * w;
    for (let r = 0; r < hOut; r++) {
      const row0 = base + (yi[2 * r] as number) * w;
      const row1 = base + (yi[2 * r + 1] as number) * w;
      const wy0 = yw[2 * r] as number;
      const wy1 = yw[2 * r + 1] as number;
      for (let c = 0; c < wOut; c++, o++) {
        const c0 = xi[2 * c] as number;
        const c1 = xi[2 * c + 1] as number;
        const wx0 = xw[2 * c] as number;
        const wx1 = xw[2 * c + 1] as number;
        const top = wx0 * (src[row0 + c0] as number) + wx1 * (src[row0 + c1] as number);
        const bottom = wx0 * (src[row1 + c0] as number) + wx1 * (src[row1 + c1] as number);
        acc[o] = wy0 * top + wy1 * bottom;
      }
    }
  }
  return [finishInterpolation(ctx, acc, [...x.shape.slice(0, x.rank - 2), hOut, wOut])];
};

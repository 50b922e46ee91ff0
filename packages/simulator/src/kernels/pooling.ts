import { dtypeInfo, formatShape, type Kernel, numel, Tensor } from '@qtk/ir';
import { floatInput, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import { planarWindow } from './planarWindow.js';
import type { NumberStorage } from './storage.js';

/**
 * MaxPool over NCW / NCHW: the largest input element in each window, with dilations and ceil_mode.
 * Padding never wins: only elements inside the input are compared (a window with none gives the
 * dtype's lowest value, as onnxruntime does). Floats and int8/uint8 as ONNX allows, and int16 (quantized graphs).
 */
export const maxPoolKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (!['float32', 'float64', 'int8', 'uint8', 'int16'].includes(x.dtype)) {
    throw nodeError(ctx, `dtype ${x.dtype} is not supported (float32, float64, int8, uint8, int16)`);
  }
  const g = planarWindow(ctx, x, ctx.attrs.ints('kernel_shape'));
  const out = Tensor.zeros(x.dtype, [g.batch, g.channels, ...g.outSpatial]);
  const src = x.data as NumberStorage;
  const dst = out.data as NumberStorage;
  const lowest = dtypeInfo(x.dtype).min;
  const plane = g.inH * g.inW;
  let o = 0;
  for (let nc = 0; nc < g.batch * g.channels; nc++) {
    const base = nc * plane;
    for (let y = 0; y < g.outH; y++) {
      const y0 = y * g.strideH - g.padTop;
      for (let xo = 0; xo < g.outW; xo++, o++) {
        const x0 = xo * g.strideW - g.padLeft;
        let max = lowest;
        for (let ki = 0, iy = y0; ki < g.kH; ki++, iy += g.dilationH) {
          if (iy < 0 || iy >= g.inH) continue;
          const row = base + iy * g.inW;
          for (let kj = 0, ix = x0; kj < g.kW; kj++, ix += g.dilationW) {
            if (ix >= 0 && ix < g.inW && src[row + ix] > max) max = src[row + ix];
          }
        }
        dst[o] = max;
      }
    }
  }
  return [out];
};

/**
 * AveragePool over NCW / NCHW, summed in double. The divisor counts the window's elements inside
 * the input, or with `count_include_pad` also those in the explicit padding; a ceil_mode window
 * reaching past the end padding never counts that overhang (PyTorch's and ONNX's rule).
 */
export const averagePoolKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  const g = planarWindow(ctx, x, ctx.attrs.ints('kernel_shape'));
  if (g.dilationH !== 1 || g.dilationW !== 1) throw nodeError(ctx, 'AveragePool has no dilations');
  const includePad = ctx.attrs.int('count_include_pad') !== 0;
  const out = Tensor.zeros(x.dtype, [g.batch, g.channels, ...g.outSpatial]);
  const src = x.data;
  const dst = out.data;
  const plane = g.inH * g.inW;
  let o = 0;
  for (let nc = 0; nc < g.batch * g.channels; nc++) {
    const base = nc * plane;
    for (let y = 0; y < g.outH; y++) {
      const y0 = y * g.strideH - g.padTop;
      const y1 = Math.min(y0 + g.kH, g.inH + g.padBottom);
      const ys = Math.max(y0, 0);
      const ye = Math.min(y1, g.inH);
      for (let xo = 0; xo < g.outW; xo++, o++) {
        const x0 = xo * g.strideW - g.padLeft;
        const x1 = Math.min(x0 + g.kW, g.inW + g.padRight);
        const xs = Math.max(x0, 0);
        const xe = Math.min(x1, g.inW);
        let sum = 0;
        for (let iy = ys; iy < ye; iy++) {
          const row = base + iy * g.inW;
          for (let ix = xs; ix < xe; ix++) sum += src[row + ix];
        }
        const count = includePad ? (y1 - y0) * (x1 - x0) : (ye - ys) * (xe - xs);
        dst[o] = sum / count;
      }
    }
  }
  return [out];
};

/** Mean over all spatial dims of each (n, c), summed in double; the spatial dims are kept as 1s. */
export const globalAveragePoolKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  if (x.rank < 3) throw nodeError(ctx, `input must be N x C x spatial..., got ${formatShape(x.shape)}`);
  const plane = numel(x.shape.slice(2));
  const planes = x.shape[0] * x.shape[1];
  const out = Tensor.zeros(x.dtype, [x.shape[0], x.shape[1], ...x.shape.slice(2).map(() => 1)]);
  for (let p = 0; p < planes; p++) {
    let sum = 0;
    for (let i = p * plane; i < (p + 1) * plane; i++) sum += x.data[i];
    out.data[p] = sum / plane;
  }
  return [out];
};

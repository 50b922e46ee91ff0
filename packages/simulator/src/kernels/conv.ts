import { formatShape, type Kernel, type KernelContext, type Tensor } from '@qtk/ir';
import { floatGemmKernel } from './floatGemmKernel.js';
import { accumulateProduct } from './matrixProduct.js';
import { nodeError } from './nodeError.js';
import { type PlanarWindow, planarWindow } from './planarWindow.js';
import { type NumberStorage, numberStorage } from './storage.js';

/**
 * Unfolds the receptive fields of channels `[c0, c0 + cg)` of image `n` into `col`
 * (`[cg * kH * kW, outH * outW]`, row-major), zeros where the window reads padding.
 */
function im2col(x: NumberStorage, g: PlanarWindow, n: number, c0: number, cg: number, col: Float64Array): void {
  const plane = g.inH * g.inW;
  const positions = g.outH * g.outW;
  let row = 0;
  for (let c = 0; c < cg; c++) {
    const base = (n * g.channels + c0 + c) * plane;
    for (let ki = 0; ki < g.kH; ki++) {
      for (let kj = 0; kj < g.kW; kj++, row++) {
        const rowBase = row * positions;
        for (let y = 0; y < g.outH; y++) {
          const iy = y * g.strideH - g.padTop + ki * g.dilationH;
          const at = rowBase + y * g.outW;
          if (iy < 0 || iy >= g.inH) {
            col.fill(0, at, at + g.outW);
            continue;
          }
          const src = base + iy * g.inW;
          let ix = kj * g.dilationW - g.padLeft;
          for (let xo = 0; xo < g.outW; xo++, ix += g.strideW) {
            col[at + xo] = ix >= 0 && ix < g.inW ? x[src + ix] : 0;
          }
        }
      }
    }
  }
}

/**
 * Convolution over NCW / NCHW input with groups (depthwise included), strides, explicit pads
 * (asymmetric allowed) and dilations: im2col per image and group, then one matrix product
 * `W_g [O/g, C/g·kH·kW] · col` accumulated in double with the bias, rounded once to the output.
 */
export const convKernel: Kernel = floatGemmKernel(convAccumulate);

/** The convolution's sums in double, for any numeric dtypes (the integer Conv reuses it), NCHW. */
export function convAccumulate(
  ctx: KernelContext,
  x: Tensor,
  w: Tensor,
  bias: Tensor | undefined,
): { acc: Float64Array; shape: number[] } {
  if (w.rank < 3) throw nodeError(ctx, `weight must be [O, I/group, k...], got ${formatShape(w.shape)}`);
  const kernel = w.shape.slice(2);
  if (ctx.attrs.has('kernel_shape')) {
    const declared = ctx.attrs.ints('kernel_shape');
    if (declared.length !== kernel.length || declared.some((k, i) => k !== kernel[i])) {
      throw nodeError(ctx, `kernel_shape ${formatShape(declared)} does not match weight ${formatShape(w.shape)}`);
    }
  }
  const g = planarWindow(ctx, x, kernel);
  const group = ctx.attrs.int('group');
  const [outChannels, cg] = w.shape;
  if (group < 1 || g.channels !== cg * group) {
    throw nodeError(
      ctx,
      `input ${formatShape(x.shape)} has ${g.channels} channels, weight ${formatShape(w.shape)} with group ${group} expects ${cg * group}`,
    );
  }
  if (outChannels % group !== 0) throw nodeError(ctx, `output channels ${outChannels} not divisible by group ${group}`);
  if (bias && (bias.rank !== 1 || bias.size !== outChannels)) {
    throw nodeError(ctx, `bias must be [${outChannels}], got ${formatShape(bias.shape)}`);
  }
  const xData = numberStorage(x);
  const wData = numberStorage(w);
  const bData = bias ? numberStorage(bias) : undefined;
  const og = outChannels / group;
  const depth = cg * g.kH * g.kW;
  const positions = g.outH * g.outW;
  const shape = [g.batch, outChannels, ...g.outSpatial];
  const all = new Float64Array(g.batch * outChannels * positions);
  const col = new Float64Array(depth * positions);
  const acc = new Float64Array(og * positions);
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < group; grp++) {
      im2col(xData, g, n, grp * cg, cg, col);
      for (let o = 0; o < og; o++) acc.fill(bData ? bData[grp * og + o] : 0, o * positions, (o + 1) * positions);
      accumulateProduct(acc, wData, grp * og * depth, col, 0, og, depth, positions);
      all.set(acc, (n * outChannels + grp * og) * positions);
    }
  }
  return { acc: all, shape };
}

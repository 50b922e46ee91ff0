import {
  formatShape,
  type KernelContext,
  readWindowGeometry,
  type Tensor,
  windowGeometryProblem,
  windowOutputSize,
} from '@qtk/ir';
import { nodeError } from './nodeError.js';

/**
 * A convolution or pooling window over two spatial dims, with the output size resolved. 1-D ops
 * are run as 2-D ones whose height is 1 (kernel 1, stride 1, no padding), which computes exactly
 * the same thing and keeps one set of loops.
 */
export interface PlanarWindow {
  readonly batch: number;
  readonly channels: number;
  readonly inH: number;
  readonly inW: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly padBottom: number;
  readonly padRight: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly outH: number;
  readonly outW: number;
  /** The output's spatial dims in the op's own rank (one dim for 1-D ops). */
  readonly outSpatial: readonly number[];
}

/**
 * Reads strides, pads, dilations and ceil_mode of a Conv or pooling node over `x` with `kernel`
 * (the spatial kernel size), checks them and resolves the output size. 1-D and 2-D only.
 */
export function planarWindow(ctx: KernelContext, x: Tensor, kernel: readonly number[]): PlanarWindow {
  const rank = kernel.length;
  if (rank !== 1 && rank !== 2) {
    throw nodeError(ctx, `${rank}-d windows are not supported by the simulator (1-d and 2-d are)`);
  }
  if (x.rank !== rank + 2) {
    throw nodeError(ctx, `input ${formatShape(x.shape)} does not fit a ${rank}-d kernel (expected rank ${rank + 2})`);
  }
  const g = readWindowGeometry(ctx.attrs, kernel);
  const problem = windowGeometryProblem(g);
  if (problem) throw nodeError(ctx, problem);
  const spatial = x.shape.slice(2);
  const outSpatial = spatial.map((d, i) =>
    windowOutputSize(d, kernel[i], g.strides[i], g.pads[i], g.pads[i + rank], g.dilations[i], g.ceilMode),
  );
  if (outSpatial.some((d) => d < 1)) {
    throw nodeError(
      ctx,
      `input ${formatShape(x.shape)} is too small for kernel ${formatShape(kernel)} with these pads`,
    );
  }
  const h = rank === 2 ? 0 : -1;
  const w = rank - 1;
  const pick = (values: readonly number[], i: number, fallback: number) => (i < 0 ? fallback : values[i]);
  return {
    batch: x.shape[0],
    channels: x.shape[1],
    inH: pick(spatial, h, 1),
    inW: spatial[w],
    kH: pick(kernel, h, 1),
    kW: kernel[w],
    strideH: pick(g.strides, h, 1),
    strideW: g.strides[w],
    padTop: pick(g.pads, h, 0),
    padLeft: g.pads[w],
    padBottom: h < 0 ? 0 : g.pads[h + rank],
    padRight: g.pads[w + rank],
    dilationH: pick(g.dilations, h, 1),
    dilationW: g.dilations[w],
    outH: pick(outSpatial, h, 1),
    outW: outSpatial[w],
    outSpatial,
  };
}

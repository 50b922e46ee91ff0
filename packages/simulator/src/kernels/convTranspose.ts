import {
  convTransposeGeometryProblem,
  convTransposeOutputSize,
  formatShape,
  type Kernel,
  type KernelContext,
  numel,
  readConvTransposeGeometry,
  type Tensor,
} from '@qtk/ir';
import { floatGemmKernel } from './floatGemmKernel.js';
import { accumulateProduct } from './matrixProduct.js';
import { nodeError } from './nodeError.js';
import { type NumberStorage, numberStorage } from './storage.js';

/**
 * A ConvTranspose's geometry over three spatial dims (D, H, W): 1-D and 2-D ops run as 3-D ones
 * whose leading dims have size 1 (kernel 1, stride 1, no padding), which computes exactly the same
 * thing and keeps one set of loops.
 */
interface VolumeGeometry {
  readonly input: readonly [number, number, number];
  readonly output: readonly [number, number, number];
  readonly kernel: readonly [number, number, number];
  readonly strides: readonly [number, number, number];
  readonly dilations: readonly [number, number, number];
  /** Begin pads: how far the full result is cropped at the start of each dim. */
  readonly pads: readonly [number, number, number];
}

type Triple = readonly [number, number, number];

function asVolume(values: readonly number[], fill: number): Triple {
  const padded = [...new Array<number>(3 - values.length).fill(fill), ...values];
  return padded as unknown as Triple;
}

/**
 * Scatters the GEMM's columns into the output (col2im): `col` is `[og · kD·kH·kW, iD·iH·iW]`, row
 * `(j, kd, kh, kw)` holding what input position `(id, ih, iw)` gives output channel `j` at
 * `(id·sD + kd·dD - pD, ...)`; positions outside the output (cropped by pads) are dropped. The
 * innermost loop runs over the input positions of one row whose outputs fall inside, so it is a
 * plain strided add.
 */
function col2im(col: Float64Array, og: number, v: VolumeGeometry, out: Float64Array, outOffset: number): void {
  const [iD, iH, iW] = v.input;
  const [oD, oH, oW] = v.output;
  const [kD, kH, kW] = v.kernel;
  const [sD, sH, sW] = v.strides;
  const [dD, dH, dW] = v.dilations;
  const [pD, pH, pW] = v.pads;
  const positions = iD * iH * iW;
  const plane = oD * oH * oW;
  let row = 0;
  for (let j = 0; j < og; j++) {
    const channelBase = outOffset + j * plane;
    for (let kd = 0; kd < kD; kd++) {
      for (let kh = 0; kh < kH; kh++) {
        for (let kw = 0; kw < kW; kw++, row++) {
          const rowBase = row * positions;
          const shiftW = kw * dW - pW;
          // input columns iw whose output iw·sW + shiftW lies in [0, oW)
          const iwLo = Math.max(0, Math.ceil(-shiftW / sW));
          const iwHi = Math.min(iW - 1, Math.floor((oW - 1 - shiftW) / sW));
          if (iwLo > iwHi) continue;
          for (let id = 0; id < iD; id++) {
            const od = id * sD + kd * dD - pD;
            if (od < 0 || od >= oD) continue;
            for (let ih = 0; ih < iH; ih++) {
              const oh = ih * sH + kh * dH - pH;
              if (oh < 0 || oh >= oH) continue;
              const src = rowBase + (id * iH + ih) * iW;
              const dst = channelBase + (od * oH + oh) * oW + shiftW;
              for (let iw = iwLo; iw <= iwHi; iw++) out[dst + iw * sW] += col[src + iw] as number;
            }
          }
        }
      }
    }
  }
}

/**
 * The transposed block of group `grp` of W (`[C_in, og, k...]`): `[og · K, cg]` row-major, so that
 * the columns are one matrix product `Wᵀ_g · X_g`.
 */
function transposedGroupWeight(w: NumberStorage, grp: number, cg: number, rows: number): Float64Array {
  const t = new Float64Array(rows * cg);
  const base = grp * cg * rows;
  for (let p = 0; p < cg; p++) {
    const src = base + p * rows;
    for (let m = 0; m < rows; m++) t[m * cg + p] = w[src + m] as number;
  }
  return t;
}

/**
 * The transposed convolution's sums in double, for any numeric dtypes (the integer ConvTranspose
 * reuses it), NC[D]HW: per image and group one matrix product `Wᵀ_g [og·K, C_in/g] · X_g
 * [C_in/g, positions]` (every product is formed once, as the op's MACs say), then col2im adds each
 * column into the output it lands on. The bias starts every output sum.
 */
export function convTransposeAccumulate(
  ctx: KernelContext,
  x: Tensor,
  w: Tensor,
  bias: Tensor | undefined,
): { acc: Float64Array; shape: number[] } {
  const rank = w.rank - 2;
  if (rank < 1) throw nodeError(ctx, `weight must be [C_in, C_out/group, k...], got ${formatShape(w.shape)}`);
  if (rank > 3) throw nodeError(ctx, `${rank}-d ConvTranspose is not supported by the simulator (1-d to 3-d are)`);
  if (x.rank !== rank + 2)
    throw nodeError(ctx, `input ${formatShape(x.shape)} does not fit weight ${formatShape(w.shape)}`);
  const kernel = w.shape.slice(2);
  if (ctx.attrs.has('kernel_shape')) {
    const declared = ctx.attrs.ints('kernel_shape');
    if (declared.length !== kernel.length || declared.some((k, i) => k !== kernel[i])) {
      throw nodeError(ctx, `kernel_shape ${formatShape(declared)} does not match weight ${formatShape(w.shape)}`);
    }
  }
  const g = readConvTransposeGeometry(ctx.attrs, kernel);
  const problem = convTransposeGeometryProblem(g);
  if (problem) throw nodeError(ctx, problem);
  const group = ctx.attrs.int('group');
  const [batch, channels] = x.shape as [number, number];
  const [cin, og] = w.shape as [number, number];
  if (group < 1 || channels !== cin || cin % group !== 0) {
    throw nodeError(
      ctx,
      `input ${formatShape(x.shape)} has ${channels} channels, weight ${formatShape(w.shape)} with group ${group} expects ${cin} (a multiple of the group)`,
    );
  }
  const outChannels = og * group;
  if (bias && (bias.rank !== 1 || bias.size !== outChannels)) {
    throw nodeError(ctx, `bias must be [${outChannels}], got ${formatShape(bias.shape)}`);
  }
  const spatial = x.shape.slice(2);
  const outSpatial = spatial.map((d, i) =>
    convTransposeOutputSize(
      d,
      kernel[i] as number,
      g.strides[i] as number,
      g.pads[i] as number,
      g.pads[i + rank] as number,
      g.dilations[i] as number,
      g.outputPadding[i] as number,
    ),
  );
  if (outSpatial.some((d) => d < 1)) {
    throw nodeError(
      ctx,
      `input ${formatShape(x.shape)} gives an empty output ${formatShape(outSpatial)} with these pads`,
    );
  }
  const v: VolumeGeometry = {
    input: asVolume(spatial, 1),
    output: asVolume(outSpatial, 1),
    kernel: asVolume(kernel, 1),
    strides: asVolume(g.strides, 1),
    dilations: asVolume(g.dilations, 1),
    pads: asVolume(g.pads.slice(0, rank), 0),
  };
  const xData = numberStorage(x);
  const wData = numberStorage(w);
  const bData = bias ? numberStorage(bias) : undefined;
  const cg = cin / group;
  const rows = og * numel(kernel);
  const positions = numel(spatial);
  const plane = numel(outSpatial);
  const acc = new Float64Array(batch * outChannels * plane);
  if (bData) {
    for (let n = 0; n < batch; n++) {
      for (let o = 0; o < outChannels; o++) {
        const at = (n * outChannels + o) * plane;
        acc.fill(bData[o] as number, at, at + plane);
      }
    }
  }
  const weights = Array.from({ length: group }, (_, grp) => transposedGroupWeight(wData, grp, cg, rows));
  const col = new Float64Array(rows * positions);
  for (let n = 0; n < batch; n++) {
    for (let grp = 0; grp < group; grp++) {
      col.fill(0);
      accumulateProduct(
        col,
        weights[grp] as Float64Array,
        0,
        xData,
        (n * cin + grp * cg) * positions,
        rows,
        cg,
        positions,
      );
      col2im(col, og, v, acc, (n * outChannels + grp * og) * plane);
    }
  }
  return { acc, shape: [batch, outChannels, ...outSpatial] };
}

/**
 * ConvTranspose over NCW / NCHW / NCDHW input with groups, strides, pads, dilations and
 * output_padding: {@link convTransposeAccumulate} in double, rounded once to the output dtype.
 */
export const convTransposeKernel: Kernel = floatGemmKernel(convTransposeAccumulate);

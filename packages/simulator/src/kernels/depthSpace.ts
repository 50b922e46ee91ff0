import { formatShape, type Kernel, type KernelContext, Tensor } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import { copyStrided } from './stridedCopy.js';

function input4d(ctx: KernelContext): { x: Tensor; dims: [number, number, number, number]; b: number } {
  const x = requiredInput(ctx, 0);
  if (x.rank !== 4) throw nodeError(ctx, `input must be 4-D [N, C, H, W], got ${formatShape(x.shape)}`);
  const b = ctx.attrs.int('blocksize');
  if (b < 1) throw nodeError(ctx, `blocksize must be positive, got ${b}`);
  return { x, dims: x.shape as [number, number, number, number], b };
}

/**
 * ONNX DepthToSpace, any dtype, as one strided copy: the input read as [N, b, b, C', H, W] (DCR)
 * or [N, C', b, b, H, W] (CRD) and written as [N, C', H, b, W, b] = [N, C', H b, W b].
 */
export const depthToSpaceKernel: Kernel = (ctx) => {
  const { x, dims, b } = input4d(ctx);
  const [n, c, h, w] = dims;
  if (c % (b * b) !== 0) throw nodeError(ctx, `channels ${c} are not a multiple of blocksize^2 = ${b * b}`);
  const cOut = c / (b * b);
  const hw = h * w;
  const mode = ctx.attrs.string('mode');
  // Strides of the channel digits: [block row, block column, output channel].
  let digits: [number, number, number];
  if (mode === 'DCR') digits = [b * cOut * hw, cOut * hw, hw];
  else if (mode === 'CRD') digits = [b * hw, hw, b * b * hw];
  else throw nodeError(ctx, `mode '${mode}' is not DCR or CRD`);
  const [rowStride, colStride, channelStride] = digits;
  const out = Tensor.zeros(x.dtype, [n, cOut, h * b, w * b]);
  copyStrided(x.data, 0, [c * hw, channelStride, w, rowStride, 1, colStride], [n, cOut, h, b, w, b], out.data);
  return [out];
};

/**
 * ONNX SpaceToDepth, any dtype, as one strided copy: the input read as [N, C, H', b, W', b] and
 * written as [N, b, b, C, H', W'] = [N, C b^2, H', W'].
 */
export const spaceToDepthKernel: Kernel = (ctx) => {
  const { x, dims, b } = input4d(ctx);
  const [n, c, h, w] = dims;
  if (h % b !== 0 || w % b !== 0) throw nodeError(ctx, `height ${h} and width ${w} must be multiples of ${b}`);
  const rows = h / b;
  const cols = w / b;
  const out = Tensor.zeros(x.dtype, [n, c * b * b, rows, cols]);
  copyStrided(x.data, 0, [c * h * w, w, 1, h * w, b * w, b], [n, b, b, c, rows, cols], out.data);
  return [out];
};

import { type Kernel, Tensor } from '@qtk/ir';
import { requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';

/** int8 -> int8 through the node's 256-entry table (index x + 128). */
export const lutKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'int8') throw nodeError(ctx, `input is ${x.dtype}, expected int8`);
  const table = ctx.attrs.ints('table');
  const src = x.data as Int8Array;
  const out = new Int8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = table[(src[i] as number) + 128] as number;
  return [new Tensor('int8', x.shape, out)];
};

/** int16 -> int16 through 8 linear segments: `floor((x slope + offset + 2^(shift-1)) / 2^shift)`, clamped. */
export const segmentLutKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'int16') throw nodeError(ctx, `input is ${x.dtype}, expected int16`);
  const bounds = ctx.attrs.ints('bounds');
  const slopes = ctx.attrs.ints('slopes');
  const offsets = ctx.attrs.ints('offsets');
  const shift = ctx.attrs.int('shift');
  const half = shift > 0 ? 2 ** (shift - 1) : 0;
  const scale = 2 ** shift;
  const src = x.data as Int16Array;
  const out = new Int16Array(src.length);
  let saturated = 0;
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    let k = 0;
    while (k < bounds.length && v >= (bounds[k] as number)) k++;
    const y = Math.floor((v * (slopes[k] as number) + (offsets[k] as number) + half) / scale);
    if (y < -32768 || y > 32767) saturated++;
    out[i] = y < -32768 ? -32768 : y > 32767 ? 32767 : y;
  }
  if (saturated > 0) ctx.count('saturated', saturated);
  return [new Tensor('int16', x.shape, out)];
};

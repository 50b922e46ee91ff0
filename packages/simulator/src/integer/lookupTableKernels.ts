import { type Kernel, SEGMENT_POINTS, Tensor } from '@qtk/ir';
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

/** int16 -> int16 through 8 segments of interpolated tables (see `SegmentLut` in `@qtk/ir`). */
export const segmentLutKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'int16') throw nodeError(ctx, `input is ${x.dtype}, expected int16`);
  const bounds = ctx.attrs.ints('bounds');
  const steps = ctx.attrs.ints('steps');
  const tables = ctx.attrs.ints('tables');
  const src = x.data as Int16Array;
  const out = new Int16Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    let k = 0;
    while (k < bounds.length && v >= (bounds[k] as number)) k++;
    const start = k === 0 ? -32768 : (bounds[k - 1] as number);
    const step = steps[k] as number;
    const offset = v - start;
    const j = Math.min(offset >> step, SEGMENT_POINTS - 2);
    const r = offset - j * 2 ** step;
    const t0 = tables[k * SEGMENT_POINTS + j] as number;
    const t1 = tables[k * SEGMENT_POINTS + j + 1] as number;
    const y = t0 + (step === 0 ? 0 : Math.floor(((t1 - t0) * r + 2 ** (step - 1)) / 2 ** step));
    out[i] = Math.min(Math.max(y, -32768), 32767);
  }
  return [new Tensor('int16', x.shape, out)];
};

import { formatShape, type Kernel, Tensor } from '@qtk/ir';
import { broadcastConcrete, forEachBroadcastRow } from './broadcast.js';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/** ONNX Where: X where the condition is true, Y elsewhere, all three broadcast; any dtype. */
export const whereKernel: Kernel = (ctx) => {
  const c = requiredInput(ctx, 0);
  const x = requiredInput(ctx, 1);
  const y = requiredInput(ctx, 2);
  if (c.dtype !== 'bool') throw nodeError(ctx, `condition is ${c.dtype}, expected bool`);
  if (x.dtype !== y.dtype) throw nodeError(ctx, `X is ${x.dtype}, Y is ${y.dtype}`);
  const shape = broadcastConcrete(c.shape, x.shape, y.shape);
  if (!shape) {
    throw nodeError(
      ctx,
      `shapes ${formatShape(c.shape)}, ${formatShape(x.shape)} and ${formatShape(y.shape)} do not broadcast`,
    );
  }
  const out = Tensor.zeros(x.dtype, shape);
  const dst = out.data as { [i: number]: number | bigint };
  const cond = c.data as Uint8Array;
  const xs = x.data as ArrayLike<number | bigint>;
  const ys = y.data as ArrayLike<number | bigint>;
  forEachBroadcastRow(shape, [c.shape, x.shape, y.shape], (o, offsets, n, steps) => {
    const [sc, sx, sy] = steps as [number, number, number];
    let [ic, ix, iy] = offsets as [number, number, number];
    for (let k = 0; k < n; k++, ic += sc, ix += sx, iy += sy) {
      dst[o + k] = cond[ic] ? (xs[ix] as number | bigint) : (ys[iy] as number | bigint);
    }
  });
  return [out];
};

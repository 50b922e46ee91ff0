import { type DType, type Kernel, type KernelContext, multiplyByFixedPoint, Tensor } from '@qtk/ir';
import { forEachBroadcastRow } from '../kernels/broadcast.js';
import { binaryOutputShape } from '../kernels/elementwiseBinary.js';
import { requiredInput } from '../kernels/kernelInputs.js';
import { numberStorage } from '../kernels/storage.js';
import { clampBounds } from './outputStage.js';

/** Applies `f(a, b)` over the broadcast of two integer inputs, then clamps to the output dtype. */
function integerBinary(ctx: KernelContext, f: (a: number, b: number) => number): Tensor {
  const a = requiredInput(ctx, 0);
  const b = requiredInput(ctx, 1);
  const shape = binaryOutputShape(ctx, a, b);
  const dtype = ctx.attrs.string('out_dtype') as DType;
  const { lo, hi, qmin, qmax } = clampBounds(ctx, dtype);
  const out = Tensor.zeros(dtype, shape);
  const dst = out.data as Int8Array | Int16Array;
  const ad = numberStorage(a);
  const bd = numberStorage(b);
  let saturated = 0;
  forEachBroadcastRow(shape, [a.shape, b.shape], (o, offsets, n, steps) => {
    for (let k = 0, i = offsets[0], j = offsets[1]; k < n; k++, i += steps[0], j += steps[1]) {
      const v = f(ad[i] as number, bd[j] as number);
      if (v < qmin || v > qmax) saturated++;
      dst[o + k] = Math.min(Math.max(v, lo), hi);
    }
  });
  if (saturated > 0) ctx.count('saturated', saturated);
  return out;
}

function rescaledSum(sign: 1 | -1): Kernel {
  return (ctx) => {
    const [ma, mb] = ctx.attrs.ints('multipliers') as [number, number];
    const [sa, sb] = ctx.attrs.ints('shifts') as [number, number];
    const f = ctx.attrs.int('frac_bits');
    const half = f > 0 ? 2 ** (f - 1) : 0;
    const scale = 2 ** f;
    return [
      integerBinary(ctx, (a, b) => {
        const s = multiplyByFixedPoint(a, ma, sa) + sign * multiplyByFixedPoint(b, mb, sb);
        return Math.floor((s + half) / scale);
      }),
    ];
  };
}

/** Integer Add: both inputs rescaled to the output scale with `frac_bits` extra bits, summed, rounded. */
export const integerAddKernel: Kernel = rescaledSum(1);
/** Integer Sub: as Add with B subtracted. */
export const integerSubKernel: Kernel = rescaledSum(-1);

/** Integer Mul: the exact product, then one fixed-point requantization. */
export const integerMulKernel: Kernel = (ctx) => {
  const m = ctx.attrs.ints('multipliers')[0] as number;
  const s = ctx.attrs.ints('shifts')[0] as number;
  return [integerBinary(ctx, (a, b) => multiplyByFixedPoint(a * b, m, s))];
};

import { type DType, formatShape, type Kernel, multiplyByFixedPoint, numel, Tensor } from '@qtk/ir';
import { broadcastConcrete, forEachBroadcastRow } from '../kernels/broadcast.js';
import { requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';
import { numberStorage } from '../kernels/storage.js';
import { clampBounds } from './outputStage.js';

/**
 * Integer Max / Min (see `IntegerMax` in `@qtk/ir`): every input rescaled to the output scale with
 * `frac_bits` extra bits, the elementwise maximum (minimum) over the broadcast, then rounded half
 * up and clamped, counting saturations.
 */
function rescaledSelectionKernel(pick: (a: number, b: number) => number): Kernel {
  return (ctx) => {
    const inputs = ctx.inputs.map((_, i) => requiredInput(ctx, i));
    const multipliers = ctx.attrs.ints('multipliers');
    const shifts = ctx.attrs.ints('shifts');
    const f = ctx.attrs.int('frac_bits');
    const shape = broadcastConcrete(...inputs.map((t) => t.shape));
    if (!shape) throw nodeError(ctx, `shapes ${inputs.map((t) => formatShape(t.shape)).join(', ')} do not broadcast`);
    const acc = new Float64Array(numel(shape));
    inputs.forEach((t, k) => {
      const src = numberStorage(t);
      const m = multipliers[k] as number;
      const s = shifts[k] as number;
      forEachBroadcastRow(shape, [t.shape], (o, offsets, n, steps) => {
        const step = steps[0] as number;
        for (let j = 0, i = offsets[0] as number; j < n; j++, i += step) {
          const v = multiplyByFixedPoint(src[i] as number, m, s);
          acc[o + j] = k === 0 ? v : pick(acc[o + j] as number, v);
        }
      });
    });
    const dtype = ctx.attrs.string('out_dtype') as DType;
    const { lo, hi, qmin, qmax } = clampBounds(ctx, dtype);
    const out = Tensor.zeros(dtype, shape);
    const dst = out.data as Int8Array | Int16Array;
    const half = f > 0 ? 2 ** (f - 1) : 0;
    const scale = 2 ** f;
    let saturated = 0;
    for (let i = 0; i < acc.length; i++) {
      const v = Math.floor(((acc[i] as number) + half) / scale);
      if (v < qmin || v > qmax) saturated++;
      dst[i] = Math.min(Math.max(v, lo), hi);
    }
    if (saturated > 0) ctx.count('saturated', saturated);
    return [out];
  };
}

/** Integer Max of one or more activations rescaled to the output scale. */
export const integerMaxKernel: Kernel = rescaledSelectionKernel(Math.max);
/** Integer Min of one or more activations rescaled to the output scale. */
export const integerMinKernel: Kernel = rescaledSelectionKernel(Math.min);

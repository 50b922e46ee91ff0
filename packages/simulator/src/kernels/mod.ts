import { formatShape, type Kernel, Tensor } from '@qtk/ir';
import { forEachBroadcastRow } from './broadcast.js';
import { binaryOutputShape } from './elementwiseBinary.js';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import type { NumberStorage } from './storage.js';

/** The remainder with the divisor's sign (Python's `%`): JavaScript's `%` truncates, so shift by b. */
function flooredMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

function flooredModBig(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/**
 * ONNX Mod. `fmod` 0 (integers only): the remainder takes the divisor's sign; `fmod` 1: the
 * dividend's (C's `fmod`, which JavaScript's `%` is, for floats and integers alike). An integer
 * divisor of 0 has no defined result and is reported; a float one gives NaN.
 */
export const modKernel: Kernel = (ctx) => {
  const a = requiredInput(ctx, 0);
  const b = requiredInput(ctx, 1);
  if (a.dtype !== b.dtype) throw nodeError(ctx, `input dtypes differ: ${a.dtype} and ${b.dtype}`);
  if (a.dtype === 'bool') throw nodeError(ctx, 'inputs must be numeric, got bool');
  const fmod = ctx.attrs.int('fmod');
  const float = a.dtype === 'float32' || a.dtype === 'float64';
  if (float && fmod !== 1) throw nodeError(ctx, `fmod must be 1 for ${a.dtype} inputs`);
  if (!float) {
    const zero = b.data instanceof BigInt64Array ? b.data.includes(0n) : (b.data as NumberStorage).includes(0);
    if (zero) throw nodeError(ctx, `integer modulo by zero (divisor is ${b.dtype}${formatShape(b.shape)})`);
  }
  const shape = binaryOutputShape(ctx, a, b);
  const out = Tensor.zeros(a.dtype, shape);
  if (out.data instanceof BigInt64Array) {
    const dst = out.data;
    const x = a.data as BigInt64Array;
    const y = b.data as BigInt64Array;
    forEachBroadcastRow(shape, [a.shape, b.shape], (o, offsets, n, steps) => {
      const [si, sj] = steps as [number, number];
      for (let k = 0, i = offsets[0] as number, j = offsets[1] as number; k < n; k++, i += si, j += sj) {
        dst[o + k] = fmod === 1 ? (x[i] as bigint) % (y[j] as bigint) : flooredModBig(x[i] as bigint, y[j] as bigint);
      }
    });
  } else {
    const dst = out.data as NumberStorage;
    const x = a.data as NumberStorage;
    const y = b.data as NumberStorage;
    forEachBroadcastRow(shape, [a.shape, b.shape], (o, offsets, n, steps) => {
      const [si, sj] = steps as [number, number];
      for (let k = 0, i = offsets[0] as number, j = offsets[1] as number; k < n; k++, i += si, j += sj) {
        dst[o + k] = fmod === 1 ? (x[i] as number) % (y[j] as number) : flooredMod(x[i] as number, y[j] as number);
      }
    });
  }
  return [out];
};

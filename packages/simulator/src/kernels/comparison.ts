import { type Kernel, Tensor } from '@qtk/ir';
import { forEachBroadcastRow } from './broadcast.js';
import { binaryOutputShape } from './elementwiseBinary.js';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import type { NumberStorage } from './storage.js';

/**
 * A broadcasting predicate of two inputs of one dtype: bool out (a `Uint8Array` of 0/1). Numbers
 * and bigints compare alike in JavaScript, so one comparison serves every dtype; NaN compares false
 * (and unequal), as in IEEE arithmetic.
 */
function predicateKernel(test: (a: number | bigint, b: number | bigint) => boolean, boolOnly = false): Kernel {
  return (ctx) => {
    const a = requiredInput(ctx, 0);
    const b = requiredInput(ctx, 1);
    if (a.dtype !== b.dtype) throw nodeError(ctx, `input dtypes differ: ${a.dtype} and ${b.dtype}`);
    if (boolOnly && a.dtype !== 'bool') throw nodeError(ctx, `inputs must be bool, got ${a.dtype}`);
    const shape = binaryOutputShape(ctx, a, b);
    const out = Tensor.zeros('bool', shape);
    const dst = out.data;
    const x = a.data as NumberStorage | BigInt64Array;
    const y = b.data as NumberStorage | BigInt64Array;
    forEachBroadcastRow(shape, [a.shape, b.shape], (o, offsets, n, steps) => {
      const [si, sj] = steps as [number, number];
      for (let k = 0, i = offsets[0] as number, j = offsets[1] as number; k < n; k++, i += si, j += sj) {
        dst[o + k] = test(x[i] as number | bigint, y[j] as number | bigint) ? 1 : 0;
      }
    });
    return [out];
  };
}

export const equalKernel: Kernel = predicateKernel((a, b) => a === b);
export const lessKernel: Kernel = predicateKernel((a, b) => a < b);
export const greaterKernel: Kernel = predicateKernel((a, b) => a > b);
export const lessOrEqualKernel: Kernel = predicateKernel((a, b) => a <= b);
export const greaterOrEqualKernel: Kernel = predicateKernel((a, b) => a >= b);
export const andKernel: Kernel = predicateKernel((a, b) => a !== 0 && b !== 0, true);
export const orKernel: Kernel = predicateKernel((a, b) => a !== 0 || b !== 0, true);
export const xorKernel: Kernel = predicateKernel((a, b) => (a !== 0) !== (b !== 0), true);

/** ONNX Not of a bool tensor. */
export const notKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype !== 'bool') throw nodeError(ctx, `input must be bool, got ${x.dtype}`);
  const src = x.data as Uint8Array;
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i] ? 0 : 1;
  return [new Tensor('bool', x.shape, out)];
};

import { type Kernel, normalizeAxis, numel, reducedShape, Tensor } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * ArgMax (`largest`) or ArgMin along `axis`: the int64 index of the extreme element, the first
 * on ties or the last with `select_last_index`. NaN counts as the extreme (NumPy's rule). Every
 * numeric dtype, int64 compared exactly. The axis is walked as whole rows of its inner dims, so
 * the input is read in memory order.
 */
function argExtremumKernel(largest: boolean): Kernel {
  return (ctx) => {
    const x = requiredInput(ctx, 0);
    if (x.dtype === 'bool') throw nodeError(ctx, 'input is bool, expected a numeric dtype');
    const axis = normalizeAxis(ctx.attrs.int('axis'), x.rank);
    if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${x.rank}`);
    const n = x.shape[axis] as number;
    if (n === 0) throw nodeError(ctx, `axis ${axis} has size 0: there is no element to pick`);
    const last = ctx.attrs.int('select_last_index') !== 0;
    const outer = numel(x.shape.slice(0, axis));
    const inner = numel(x.shape.slice(axis + 1));
    const src = x.data as ArrayLike<number | bigint>;
    const keepdims = ctx.attrs.int('keepdims') !== 0;
    const out = Tensor.zeros('int64', reducedShape(x.shape, [axis], keepdims));
    const best = new Array<number | bigint>(inner);
    const at = new Array<number>(inner);
    for (let o = 0; o < outer; o++) {
      const base = o * n * inner;
      for (let i = 0; i < inner; i++) {
        best[i] = src[base + i] as number | bigint;
        at[i] = 0;
      }
      for (let k = 1; k < n; k++) {
        const row = base + k * inner;
        for (let i = 0; i < inner; i++) {
          const v = src[row + i] as number | bigint;
          const b = best[i] as number | bigint;
          const nanV = Number.isNaN(v);
          const nanB = Number.isNaN(b);
          const wins = nanV ? !nanB : !nanB && (largest ? v > b : v < b);
          const ties = nanV ? nanB : v === b;
          if (wins || (last && ties)) {
            best[i] = v;
            at[i] = k;
          }
        }
      }
      for (let i = 0; i < inner; i++) out.data[o * inner + i] = BigInt(at[i] as number);
    }
    return [out];
  };
}

/** ArgMax along `axis` (first index on ties, the last with `select_last_index`). */
export const argMaxKernel: Kernel = argExtremumKernel(true);

/** ArgMin along `axis` (first index on ties, the last with `select_last_index`). */
export const argMinKernel: Kernel = argExtremumKernel(false);

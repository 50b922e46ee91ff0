import { type Kernel, normalizeAxis, numel, Tensor } from '@qtk/ir';
import { integerValues, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/** True when `a` comes before `b` among the largest: NaN above everything (PyTorch's rule). */
function above(a: number | bigint, b: number | bigint): boolean {
  const nanA = Number.isNaN(a);
  return nanA ? !Number.isNaN(b) : !Number.isNaN(b) && a > b;
}

/**
 * ONNX TopK: along `axis`, the K largest (or smallest) elements and their int64 indices, in order;
 * equal values keep their input order (the lower index first), as onnxruntime gives them, and NaN
 * counts as the largest value. With `sorted` 0 the order is unspecified by ONNX: qtk gives the
 * sorted one. Every numeric dtype, int64 compared exactly.
 */
export const topKKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype === 'bool') throw nodeError(ctx, 'input is bool, expected a numeric dtype');
  const axis = normalizeAxis(ctx.attrs.int('axis'), x.rank);
  if (axis === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${x.rank}`);
  const kValues = integerValues(ctx, 1, 'K');
  const k = kValues[0] as number;
  const n = x.shape[axis] as number;
  if (kValues.length !== 1 || !(k >= 0 && k <= n))
    throw nodeError(ctx, `K ${JSON.stringify(kValues)} must be one value in 0..${n} (the size of dim ${axis})`);
  const largest = ctx.attrs.int('largest') !== 0;
  const outer = numel(x.shape.slice(0, axis));
  const inner = numel(x.shape.slice(axis + 1));
  const shape = x.shape.map((d, i) => (i === axis ? k : d));
  const values = Tensor.zeros(x.dtype, shape);
  const indices = Tensor.zeros('int64', shape);
  const src = x.data as ArrayLike<number | bigint>;
  const dst = values.data as { [i: number]: number | bigint };
  const slice = new Array<number | bigint>(n);
  const order = new Array<number>(n);
  const before = (a: number, b: number): number => {
    const va = slice[a] as number | bigint;
    const vb = slice[b] as number | bigint;
    if (above(va, vb)) return largest ? -1 : 1;
    if (above(vb, va)) return largest ? 1 : -1;
    return a - b;
  };
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      for (let j = 0; j < n; j++) {
        slice[j] = src[base + j * inner] as number | bigint;
        order[j] = j;
      }
      order.sort(before);
      const outBase = o * k * inner + i;
      for (let j = 0; j < k; j++) {
        const from = order[j] as number;
        dst[outBase + j * inner] = slice[from] as number | bigint;
        indices.data[outBase + j * inner] = BigInt(from);
      }
    }
  }
  return [values, indices];
};

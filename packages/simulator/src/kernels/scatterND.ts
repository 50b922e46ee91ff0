import { formatShape, type Kernel, numel, SCATTER_REDUCTIONS, stridesOf } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

type Combine<T> = (a: T, b: T) => T;

const NUMBER_REDUCTIONS: Readonly<Record<string, Combine<number>>> = {
  add: (a, b) => a + b,
  mul: (a, b) => a * b,
  max: Math.max,
  min: Math.min,
};

const BIGINT_REDUCTIONS: Readonly<Record<string, Combine<bigint>>> = {
  add: (a, b) => BigInt.asIntN(64, a + b),
  mul: (a, b) => BigInt.asIntN(64, a * b),
  // biome-ignore lint/complexity/useMathMinMax: Math.max does not take bigints
  max: (a, b) => (a > b ? a : b),
  // biome-ignore lint/complexity/useMathMinMax: Math.min does not take bigints
  min: (a, b) => (a < b ? a : b),
};

/**
 * ONNX ScatterND: a copy of data where each index tuple (the last axis of indices, negative
 * entries counting from the end) addresses a slice that the matching slice of updates replaces, or
 * is combined with (`add`, `mul`, `max`, `min`), in the order of indices (a repeated index sees the
 * earlier updates). Any dtype; reductions need a numeric one. int32 products wrap, as in C.
 */
export const scatterNDKernel: Kernel = (ctx) => {
  const data = requiredInput(ctx, 0);
  const indices = requiredInput(ctx, 1);
  const updates = requiredInput(ctx, 2);
  const reduction = ctx.attrs.string('reduction');
  if (!SCATTER_REDUCTIONS.includes(reduction)) {
    throw nodeError(ctx, `reduction '${reduction}' is not one of ${SCATTER_REDUCTIONS.join(', ')}`);
  }
  if (indices.dtype !== 'int64') throw nodeError(ctx, `indices must be int64, got ${indices.dtype}`);
  if (updates.dtype !== data.dtype) throw nodeError(ctx, `updates are ${updates.dtype}, data is ${data.dtype}`);
  if (reduction !== 'none' && data.dtype === 'bool')
    throw nodeError(ctx, `reduction '${reduction}' needs numbers, data is bool`);
  if (indices.rank < 1) throw nodeError(ctx, 'indices must have rank 1 or more');
  const k = indices.shape[indices.rank - 1] as number;
  if (k > data.rank) throw nodeError(ctx, `indices address ${k} dims, data has rank ${data.rank}`);
  const expected = [...indices.shape.slice(0, -1), ...data.shape.slice(k)];
  if (updates.rank !== expected.length || updates.shape.some((d, i) => d !== expected[i])) {
    throw nodeError(ctx, `updates ${formatShape(updates.shape)} must have shape ${formatShape(expected)}`);
  }
  const out = data.clone();
  const slice = numel(data.shape.slice(k));
  const strides = stridesOf(data.shape);
  const tuples = numel(indices.shape.slice(0, -1));
  const idx = indices.data as BigInt64Array;
  const offsets = new Array<number>(tuples);
  for (let t = 0; t < tuples; t++) {
    let offset = 0;
    for (let j = 0; j < k; j++) {
      const dim = data.shape[j] as number;
      const i = Number(idx[t * k + j]);
      const r = i < 0 ? i + dim : i;
      if (r < 0 || r >= dim) {
        throw nodeError(
          ctx,
          `index ${i} is out of range for dim ${j} of size ${dim} (data ${formatShape(data.shape)})`,
        );
      }
      offset += r * (strides[j] as number);
    }
    offsets[t] = offset;
  }
  if (reduction === 'none') {
    const source = updates.data;
    offsets.forEach((offset, t) => {
      out.data.set(source.subarray(t * slice, (t + 1) * slice) as never, offset);
    });
  } else if (out.data instanceof BigInt64Array) {
    scatter(out.data, updates.data as BigInt64Array, offsets, slice, BIGINT_REDUCTIONS[reduction] as Combine<bigint>);
  } else {
    const combine =
      data.dtype === 'int32' && reduction === 'mul' ? Math.imul : (NUMBER_REDUCTIONS[reduction] as Combine<number>);
    scatter(out.data as Float64Array, updates.data as Float64Array, offsets, slice, combine);
  }
  return [out];
};

function scatter<T extends number | bigint>(
  out: { [i: number]: T },
  updates: { [i: number]: T },
  offsets: readonly number[],
  slice: number,
  combine: Combine<T>,
): void {
  offsets.forEach((offset, t) => {
    const from = t * slice;
    for (let e = 0; e < slice; e++) out[offset + e] = combine(out[offset + e] as T, updates[from + e] as T);
  });
}

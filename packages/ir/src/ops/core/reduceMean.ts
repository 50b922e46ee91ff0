import type { Dim, Shape } from '../../shape/Shape.js';
import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * Normalized, sorted, de-duplicated reduction axes; all axes when `axes` is absent or empty.
 * `undefined` when an axis is out of range.
 */
export function reductionAxes(axes: readonly number[] | undefined, rank: number): number[] | undefined {
  if (!axes || axes.length === 0) return Array.from({ length: rank }, (_, i) => i);
  const out = new Set<number>();
  for (const a of axes) {
    const n = normalizeAxis(a, rank);
    if (n === undefined) return undefined;
    out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/** The shape left after reducing `axes` (kept as 1s with keepdims). */
export function reducedShape<S extends Shape>(shape: S, axes: readonly number[], keepdims: boolean): S[number][] {
  const out: Dim[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out as S[number][];
}

/** Mean over `axes` (an attribute up to opset 17). */
export const ReduceMean: CoreOpDefinition<'ReduceMean'> = {
  op: 'ReduceMean',
  traits: { quantRole: 'compute' },
  summary: 'Mean over axes (all when absent).',
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'reduced' }],
  attributes: { axes: { kind: 'ints' }, keepdims: { kind: 'int', default: 1 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const axes = reductionAxes(ctx.attrs.optionalInts('axes'), x.shape.length);
    if (!axes)
      ctx.fail(`axes ${JSON.stringify(ctx.attrs.optionalInts('axes'))} out of range for rank ${x.shape.length}`);
    return [{ dtype: x.dtype, shape: reducedShape(x.shape, axes, ctx.attrs.int('keepdims') !== 0) }];
  },
};

import type { DType } from '../../dtype/DType.js';
import type { Dim, Shape } from '../../shape/Shape.js';
import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import type { OpTraits } from '../OpTraits.js';

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

/**
 * The axes a reduction node reduces, from the axes it is given (its `axes` input when it has one,
 * else its attribute): all axes when none are given, none (the identity) when none are given and
 * `noop_with_empty_axes` is set. `undefined` when an axis is out of range.
 */
export function reductionAxesOf(
  given: readonly number[] | undefined,
  noopWithEmptyAxes: boolean,
  rank: number,
): number[] | undefined {
  if ((!given || given.length === 0) && noopWithEmptyAxes) return [];
  return reductionAxes(given, rank);
}

const NUMERIC: readonly DType[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'int64', 'uint8'];

/** The output shape of a reduction whose axes are computed: its rank, when known, and no dims. */
function computedAxesShape(ctx: InferenceContext, rank: number, keepdims: boolean): Dim[] {
  const count = ctx.requireInput(1).shape[0];
  if (keepdims) return new Array<Dim>(rank).fill('?');
  if (ctx.requireInput(1).shape.length !== 1 || typeof count !== 'number' || count === 0)
    ctx.fail('axes must be a constant, or a 1-D tensor of known non-zero length when keepdims is 0');
  if (count > rank) ctx.fail(`${count} axes for rank ${rank}`);
  return new Array<Dim>(rank - count).fill('?');
}

/**
 * A reduction over axes with `keepdims`, whose output has its input's dtype. The axes are the
 * `axes` attribute (ONNX's form up to opset 12 or 17), or the optional `axes` input (the later
 * form), which import turns into the attribute when it is a constant; `noop_with_empty_axes`
 * makes empty axes the identity rather than all axes.
 */
function reductionOp<N extends string>(
  op: N,
  summary: string,
  traits: OpTraits,
  dtypes?: readonly DType[],
): CoreOpDefinition<N> {
  return {
    op,
    traits,
    summary,
    inputs: [{ name: 'data' }, { name: 'axes', optional: true }],
    outputs: [{ name: 'reduced' }],
    attributes: {
      axes: { kind: 'ints' },
      keepdims: { kind: 'int', default: 1 },
      noop_with_empty_axes: { kind: 'int', default: 0 },
    },
    inferTypes(ctx: InferenceContext) {
      const x = ctx.requireInput(0);
      if (dtypes && !dtypes.includes(x.dtype)) ctx.fail(`input dtype ${x.dtype} is not one of ${dtypes.join(', ')}`);
      const keepdims = ctx.attrs.int('keepdims') !== 0;
      const input = ctx.inputType(1);
      if (input && ctx.attrs.optionalInts('axes')) ctx.fail('axes are given both as an attribute and as an input');
      if (input && input.dtype !== 'int64') ctx.fail(`axes must be int64, got ${input.dtype}`);
      if (input && !ctx.constant(1))
        return [{ dtype: x.dtype, shape: computedAxesShape(ctx, x.shape.length, keepdims) }];
      const given = input ? ctx.constant(1)?.toNumbers() : ctx.attrs.optionalInts('axes');
      const axes = reductionAxesOf(given, ctx.attrs.int('noop_with_empty_axes') !== 0, x.shape.length);
      if (!axes) ctx.fail(`axes ${JSON.stringify(given)} out of range for rank ${x.shape.length}`);
      return [{ dtype: x.dtype, shape: reducedShape(x.shape, axes, keepdims) }];
    },
  };
}

/** Mean over axes. */
export const ReduceMean = reductionOp('ReduceMean', 'Mean over axes (all when none are given).', {
  quantRole: 'compute',
});

/** Sum over axes; integers wrap around, as onnxruntime's do. */
export const ReduceSum = reductionOp(
  'ReduceSum',
  'Sum over axes (all when none are given).',
  { quantRole: 'compute' },
  NUMERIC,
);

/**
 * Largest element over axes. It selects one of its input's values, so a quantized input's scale
 * carries over and it runs on the integers exactly.
 */
export const ReduceMax = reductionOp(
  'ReduceMax',
  'Largest element over axes (all when none are given).',
  { quantRole: 'passthrough' },
  [...NUMERIC, 'bool'],
);

/** Smallest element over axes; a selection, as {@link ReduceMax} is. */
export const ReduceMin = reductionOp(
  'ReduceMin',
  'Smallest element over axes (all when none are given).',
  { quantRole: 'passthrough' },
  [...NUMERIC, 'bool'],
);

import type { Dim, Shape } from '../../shape/Shape.js';
import { formatShape, normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** Shape after removing `axes` (all size-1 dims when absent); a message when an axis is not 1. */
export function squeezeShape(shape: Shape, axes: readonly number[] | undefined): Dim[] | string {
  if (!axes) return shape.filter((d) => d !== 1);
  const drop = new Set<number>();
  for (const a of axes) {
    const n = normalizeAxis(a, shape.length);
    if (n === undefined) return `axis ${a} out of range for ${formatShape(shape)}`;
    if (typeof shape[n] === 'number' && shape[n] !== 1) return `cannot squeeze dim ${n} of size ${shape[n]}`;
    drop.add(n);
  }
  return shape.filter((_, i) => !drop.has(i));
}

/** Shape after inserting 1s at `axes` (positions in the output). */
export function unsqueezeShape(shape: Shape, axes: readonly number[]): Dim[] | string {
  const rank = shape.length + axes.length;
  const at = new Set<number>();
  for (const a of axes) {
    const n = normalizeAxis(a, rank);
    if (n === undefined) return `axis ${a} out of range for output rank ${rank}`;
    if (at.has(n)) return `axis ${n} appears twice`;
    at.add(n);
  }
  const out: Dim[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) out.push(at.has(i) ? 1 : (shape[k++] as Dim));
  return out;
}

/**
 * The shape of a Squeeze or Unsqueeze whose axes are computed (not a constant): the rank follows
 * from the number of axes, every dim is unknown, as Reshape does with a computed shape.
 */
function computedAxesShape(ctx: InferenceContext, rankChange: number): Dim[] {
  const axes = ctx.requireInput(1);
  const count = axes.shape[0];
  if (axes.shape.length !== 1 || typeof count !== 'number')
    ctx.fail('axes must be a constant or a 1-D tensor of known length');
  const rank = ctx.requireInput(0).shape.length + rankChange * count;
  if (rank < 0) ctx.fail(`cannot remove ${count} axes from rank ${ctx.requireInput(0).shape.length}`);
  return new Array<Dim>(rank).fill('?');
}

/** ONNX Squeeze (opset 13: axes an optional int64 input). */
export const Squeeze: CoreOpDefinition<'Squeeze'> = {
  op: 'Squeeze',
  traits: { quantRole: 'passthrough' },
  summary: 'Removes size-1 dims (the given ones, or all).',
  inputs: [{ name: 'data' }, { name: 'axes', optional: true }],
  outputs: [{ name: 'squeezed' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (ctx.inputType(1) && !ctx.constant(1)) return [{ dtype: x.dtype, shape: computedAxesShape(ctx, -1) }];
    const r = squeezeShape(x.shape, ctx.constant(1)?.toNumbers());
    if (typeof r === 'string') ctx.fail(r);
    return [{ dtype: x.dtype, shape: r }];
  },
};

/** ONNX Unsqueeze (opset 13: axes an int64 input). */
export const Unsqueeze: CoreOpDefinition<'Unsqueeze'> = {
  op: 'Unsqueeze',
  traits: { quantRole: 'passthrough' },
  summary: 'Inserts size-1 dims at the given output positions.',
  inputs: [{ name: 'data' }, { name: 'axes' }],
  outputs: [{ name: 'expanded' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const axes = ctx.constant(1);
    if (!axes) return [{ dtype: x.dtype, shape: computedAxesShape(ctx, 1) }];
    const r = unsqueezeShape(x.shape, axes.toNumbers());
    if (typeof r === 'string') ctx.fail(r);
    return [{ dtype: x.dtype, shape: r }];
  },
};

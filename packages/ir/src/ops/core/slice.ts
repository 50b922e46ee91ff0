import type { Dim } from '../../shape/Shape.js';
import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** Where a slice of one axis starts, its step, and how many elements it takes. */
export interface AxisSlice {
  readonly axis: number;
  readonly start: number;
  readonly step: number;
  readonly count: number;
}

/**
 * ONNX Slice's clamping rules, for one axis of size `dim`. Out-of-range starts and ends clamp;
 * negative ones count from the end; a negative step walks backwards.
 */
export function sliceAxis(dim: number, start: number, end: number, step: number): { start: number; count: number } {
  let s = start < 0 ? start + dim : start;
  let e = end < 0 ? end + dim : end;
  if (step > 0) {
    s = Math.min(Math.max(s, 0), dim);
    e = Math.min(Math.max(e, 0), dim);
  } else {
    s = Math.min(Math.max(s, 0), dim - 1);
    e = Math.min(Math.max(e, -1), dim - 1);
  }
  const count = Math.max(0, Math.ceil((e - s) / step));
  return { start: s, count };
}

/**
 * Resolves a Slice's inputs against a shape into one {@link AxisSlice} per sliced axis, or a message
 * when the inputs are inconsistent. Axes whose dim is symbolic get `count: -1`.
 */
export function resolveSlice(
  shape: readonly Dim[],
  starts: readonly number[],
  ends: readonly number[],
  axes: readonly number[] | undefined,
  steps: readonly number[] | undefined,
): AxisSlice[] | string {
  if (starts.length !== ends.length) return 'starts and ends differ in length';
  const ax = axes ?? starts.map((_, i) => i);
  const st = steps ?? starts.map(() => 1);
  if (ax.length !== starts.length || st.length !== starts.length) return 'axes and steps must match starts in length';
  const out: AxisSlice[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < ax.length; i++) {
    const axis = normalizeAxis(ax[i] as number, shape.length);
    if (axis === undefined) return `axis ${ax[i]} out of range for rank ${shape.length}`;
    if (seen.has(axis)) return `axis ${axis} appears twice`;
    seen.add(axis);
    const step = st[i] as number;
    if (step === 0) return 'steps must not be 0';
    const dim = shape[axis];
    if (typeof dim !== 'number') {
      out.push({ axis, start: 0, step, count: -1 });
      continue;
    }
    const { start, count } = sliceAxis(dim, starts[i] as number, ends[i] as number, step);
    out.push({ axis, start, step, count });
  }
  return out;
}

/** ONNX Slice (opset 13: starts, ends, axes, steps are int inputs). */
export const Slice: CoreOpDefinition<'Slice'> = {
  op: 'Slice',
  traits: { quantRole: 'passthrough' },
  summary: 'Takes start:end:step along the given axes.',
  inputs: [
    { name: 'data' },
    { name: 'starts' },
    { name: 'ends' },
    { name: 'axes', optional: true },
    { name: 'steps', optional: true },
  ],
  outputs: [{ name: 'output' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const consts = [1, 2, 3, 4].map((i) => ctx.constant(i));
    const missing = [1, 2, 3, 4].some((i, k) => ctx.inputType(i) !== undefined && consts[k] === undefined);
    if (missing) {
      return [{ dtype: x.dtype, shape: x.shape.map(() => '?') }];
    }
    const r = resolveSlice(
      x.shape,
      consts[0]?.toNumbers() ?? [],
      consts[1]?.toNumbers() ?? [],
      consts[2]?.toNumbers(),
      consts[3]?.toNumbers(),
    );
    if (typeof r === 'string') ctx.fail(r);
    const shape: Dim[] = [...x.shape];
    for (const s of r) shape[s.axis] = s.count < 0 ? '?' : s.count;
    return [{ dtype: x.dtype, shape }];
  },
};

import type { Dim, Shape } from '../../shape/Shape.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * The shape ONNX Reshape produces: `0` copies the input dim (unless `allowzero`), `-1` takes what is
 * left. Returns an error message instead when the request is impossible. Symbolic dims make `-1`
 * unknown (`'?'`).
 */
export function reshapeTarget(input: Shape, requested: readonly number[], allowzero: boolean): Dim[] | string {
  const out: Dim[] = [];
  let inferAt = -1;
  for (let i = 0; i < requested.length; i++) {
    const r = requested[i] as number;
    if (r === -1) {
      if (inferAt >= 0) return 'at most one dim may be -1';
      inferAt = i;
      out.push(-1);
    } else if (r === 0 && !allowzero) {
      if (i >= input.length) return `dim ${i} is 0 (copy) but the input has rank ${input.length}`;
      out.push(input[i] as Dim);
    } else if (r < 0 || !Number.isInteger(r)) {
      return `invalid dim ${r}`;
    } else {
      out.push(r);
    }
  }
  const symbolic = input.some((d) => typeof d === 'string') || out.some((d) => typeof d === 'string');
  if (symbolic) {
    if (inferAt >= 0) out[inferAt] = '?';
    return out;
  }
  const total = (input as number[]).reduce((a, b) => a * b, 1);
  const known = (out as number[]).reduce((a, b, i) => (i === inferAt ? a : a * b), 1);
  if (inferAt >= 0) {
    if (known === 0 || total % known !== 0) return `cannot infer -1: ${total} elements into ${formatShape(requested)}`;
    out[inferAt] = total / known;
  } else if (known !== total) {
    return `cannot reshape ${formatShape(input)} (${total} elements) into ${formatShape(out)}`;
  }
  return out;
}

/** ONNX Reshape; the target shape is an int64 input, nearly always a constant. */
export const Reshape: CoreOpDefinition<'Reshape'> = {
  op: 'Reshape',
  traits: { quantRole: 'passthrough' },
  summary: 'The same data under a new shape (0 copies a dim, -1 infers one).',
  inputs: [{ name: 'data' }, { name: 'shape' }],
  outputs: [{ name: 'reshaped' }],
  attributes: { allowzero: { kind: 'int', default: 0 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const s = ctx.requireInput(1);
    if (s.dtype !== 'int64' || s.shape.length !== 1) ctx.fail('shape must be a 1-D int64 tensor');
    const c = ctx.constant(1);
    if (!c) {
      const n = s.shape[0];
      return [{ dtype: x.dtype, shape: typeof n === 'number' ? new Array<Dim>(n).fill('?') : [] }];
    }
    const target = reshapeTarget(x.shape, c.toNumbers(), ctx.attrs.int('allowzero') !== 0);
    if (typeof target === 'string') ctx.fail(target);
    return [{ dtype: x.dtype, shape: target }];
  },
};

/** The 2-D shape Flatten gives: dims before `axis` multiplied, and the rest. */
export function flattenShape(input: Shape, axis: number): Dim[] {
  const product = (dims: Shape): Dim =>
    dims.every((d) => typeof d === 'number') ? (dims as number[]).reduce((a, b) => a * b, 1) : '?';
  return [product(input.slice(0, axis)), product(input.slice(axis))];
}

/** ONNX Flatten: to 2-D at `axis` (negative counts from the end; rank is allowed). */
export const Flatten: CoreOpDefinition<'Flatten'> = {
  op: 'Flatten',
  traits: { quantRole: 'passthrough' },
  summary: 'Flattens to 2-D: [d0*...*d(axis-1), d(axis)*...].',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { axis: { kind: 'int', default: 1 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const rank = x.shape.length;
    let axis = ctx.attrs.int('axis');
    if (axis < 0) axis += rank;
    if (axis < 0 || axis > rank) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${rank}`);
    return [{ dtype: x.dtype, shape: flattenShape(x.shape, axis) }];
  },
};

import { broadcastShapes } from '../../shape/broadcastShapes.js';
import type { Dim } from '../../shape/Shape.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * The requested dims of a shape input (Expand's shape, ConstantOfShape's input): the constant's
 * values, or one `'?'` per element when only its length is known, or `undefined` when not even that
 * is. Fails, through `ctx`, on a shape input that is not a 1-D int64 tensor.
 */
export function requestedDims(ctx: InferenceContext, index: number, what: string): Dim[] | undefined {
  const s = ctx.requireInput(index);
  if (s.dtype !== 'int64' || s.shape.length !== 1) ctx.fail(`${what} must be a 1-D int64 tensor`);
  const c = ctx.constant(index);
  if (c) return c.toNumbers();
  const n = s.shape[0];
  return typeof n === 'number' ? new Array<Dim>(n).fill('?') : undefined;
}

/**
 * ONNX Expand (opset 8): broadcasts the input and the requested shape against each other, so a
 * requested 1 keeps the input's dim (unlike NumPy's broadcast_to).
 */
export const Expand: CoreOpDefinition<'Expand'> = {
  op: 'Expand',
  traits: { quantRole: 'passthrough' },
  summary: 'Broadcasts the input to a shape (a 1 in the shape keeps the input dim).',
  inputs: [{ name: 'input' }, { name: 'shape' }],
  outputs: [{ name: 'output' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const requested = requestedDims(ctx, 1, 'shape');
    if (!requested) return [{ dtype: x.dtype, shape: x.shape.map(() => '?') }];
    if (ctx.constant(1)) {
      const bad = requested.find((d) => typeof d === 'number' && (d < 0 || !Number.isInteger(d)));
      if (bad !== undefined) ctx.fail(`shape ${formatShape(requested)} has a negative dim`);
      const shape = broadcastShapes(x.shape, requested);
      if (!shape) ctx.fail(`input ${formatShape(x.shape)} does not broadcast to ${formatShape(requested)}`);
      return [{ dtype: x.dtype, shape }];
    }
    // Each output dim is the input's or the requested one, whichever is not 1: unknown here.
    return [{ dtype: x.dtype, shape: new Array<Dim>(Math.max(x.shape.length, requested.length)).fill('?') }];
  },
};

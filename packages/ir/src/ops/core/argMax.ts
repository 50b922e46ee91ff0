import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { reducedShape } from './reduction.js';

/** ArgMax or ArgMin: the int64 index of the extreme element along `axis`. */
function argExtremumOp<N extends string>(op: N, summary: string): CoreOpDefinition<N> {
  return {
    op,
    // An index, not a value: nothing to quantize (conversion runs it on a quantized input's integers).
    traits: { quantRole: 'float' },
    summary,
    inputs: [{ name: 'data' }],
    outputs: [{ name: 'reduced' }],
    attributes: {
      axis: { kind: 'int', default: 0 },
      keepdims: { kind: 'int', default: 1 },
      select_last_index: { kind: 'int', default: 0 },
    },
    inferTypes(ctx: InferenceContext) {
      const x = ctx.requireInput(0);
      if (x.dtype === 'bool') ctx.fail('input must be numeric, got bool');
      const axis = normalizeAxis(ctx.attrs.int('axis'), x.shape.length);
      if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${x.shape.length}`);
      const d = x.shape[axis];
      if (d === 0) ctx.fail(`axis ${axis} has size 0: there is no element to pick`);
      return [{ dtype: 'int64', shape: reducedShape(x.shape, [axis], ctx.attrs.int('keepdims') !== 0) }];
    },
  };
}

/** Index of the largest element along `axis`: the first on ties, the last with `select_last_index`. */
export const ArgMax = argExtremumOp('ArgMax', 'Index (int64) of the largest element along axis.');

/** Index of the smallest element along `axis`: the first on ties, the last with `select_last_index`. */
export const ArgMin = argExtremumOp('ArgMin', 'Index (int64) of the smallest element along axis.');

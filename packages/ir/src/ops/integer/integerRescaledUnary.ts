import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { isIntegerActivation } from './outputStage.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

/**
 * Integer Abs (Neg) of an activation on the VAE: `y = clamp(multiplyByFixedPoint(|x|, M, S))`
 * (`-x` for Neg), `M / 2^S` the ratio of the input scale to the output scale. The sign operation
 * is exact on the integers, so only the requantization rounds.
 */
export function rescaledUnaryOp<N extends 'Abs' | 'Neg'>(op: N): OpDefinition<N> {
  return {
    op,
    domain: QTK_DOMAIN,
    summary: `Integer ${op === 'Abs' ? '|x|' : '-x'} requantized to the output scale.`,
    inputs: [{ name: 'X' }],
    outputs: [{ name: 'Y' }],
    attributes: {
      out_dtype: { kind: 'string', required: true },
      multipliers: { kind: 'ints', required: true },
      shifts: { kind: 'ints', required: true },
      input_scale: { kind: 'floats' },
      output_scale: { kind: 'floats' },
    },
    inferTypes(ctx: InferenceContext) {
      const x = ctx.requireInput(0);
      if (!isIntegerActivation(x.dtype)) ctx.fail(`input must be int8 or int16, got ${x.dtype}`);
      if (ctx.attrs.ints('multipliers').length !== 1 || ctx.attrs.ints('shifts').length !== 1) {
        ctx.fail('one multiplier and one shift');
      }
      const out = ctx.attrs.string('out_dtype');
      if (out !== 'int8' && out !== 'int16') ctx.fail(`out_dtype '${out}' is not int8 or int16`);
      return [{ dtype: out, shape: x.shape }];
    },
  };
}

/** `qtk::Abs`: see {@link rescaledUnaryOp}. */
export const IntegerAbs = rescaledUnaryOp('Abs');
/** `qtk::Neg`: see {@link rescaledUnaryOp}. */
export const IntegerNeg = rescaledUnaryOp('Neg');

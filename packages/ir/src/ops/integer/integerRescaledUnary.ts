import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import {
  activationOutDtype,
  checkRequantizationCount,
  REQUANTIZATION_ATTRIBUTES,
  requireIntegerActivation,
} from './activationRequantization.js';
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
      ...REQUANTIZATION_ATTRIBUTES,
      input_scale: { kind: 'floats' },
      output_scale: { kind: 'floats' },
    },
    inferTypes(ctx: InferenceContext) {
      const x = requireIntegerActivation(ctx);
      checkRequantizationCount(ctx, 1, 'one multiplier and one shift');
      return [{ dtype: activationOutDtype(ctx), shape: x.shape }];
    },
  };
}

/** `qtk::Abs`: see {@link rescaledUnaryOp}. */
export const IntegerAbs = rescaledUnaryOp('Abs');
/** `qtk::Neg`: see {@link rescaledUnaryOp}. */
export const IntegerNeg = rescaledUnaryOp('Neg');

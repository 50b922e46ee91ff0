import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape } from '../../shape/Shape.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { activationOutDtype, checkRequantizationCount, REQUANTIZATION_ATTRIBUTES } from './activationRequantization.js';
import { isIntegerActivation } from './outputStage.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

function inferBinary(ctx: InferenceContext) {
  const a = ctx.requireInput(0);
  const b = ctx.requireInput(1);
  if (!isIntegerActivation(a.dtype) || !isIntegerActivation(b.dtype))
    ctx.fail(`inputs must be int8 or int16, got ${a.dtype} and ${b.dtype}`);
  const shape = broadcastShapes(a.shape, b.shape);
  if (!shape) ctx.fail(`shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not broadcast`);
  return [{ dtype: activationOutDtype(ctx), shape }];
}

const RESCALED_INPUTS = {
  /** The multipliers and shifts take A and B to the output scale times 2^frac_bits. */
  ...REQUANTIZATION_ATTRIBUTES,
  frac_bits: { kind: 'int', default: 12 },
  clamp_min: { kind: 'int' },
  clamp_max: { kind: 'int' },
  input_scale: { kind: 'floats' },
  output_scale: { kind: 'floats' },
} as const;

/**
 * Integer Add (Sub) of two activations on the VAE: each input is rescaled to the output scale
 * with `frac_bits` extra fractional bits, `a' = multiplyByFixedPoint(a, multipliers[0], shifts[0])`
 * and likewise b', then `y = clamp(floor((a' +- b' + 2^(F-1)) / 2^F))`.
 */
export function rescaledBinaryOp<N extends 'Add' | 'Sub'>(op: N): OpDefinition<N> {
  return {
    op,
    domain: QTK_DOMAIN,
    summary: `Integer ${op.toLowerCase()} of two activations rescaled to the output scale.`,
    inputs: [{ name: 'A' }, { name: 'B' }],
    outputs: [{ name: 'C' }],
    attributes: RESCALED_INPUTS,
    inferTypes(ctx) {
      checkRequantizationCount(ctx, 2, 'multipliers and shifts need one entry per input');
      return inferBinary(ctx);
    },
  };
}

export const IntegerAdd = rescaledBinaryOp('Add');
export const IntegerSub = rescaledBinaryOp('Sub');

/** Integer Mul of two activations: `acc = a b` (int32), then one fixed-point requantization. */
export const IntegerMul: OpDefinition<'Mul'> = {
  op: 'Mul',
  domain: QTK_DOMAIN,
  summary: 'Integer product of two activations, requantized.',
  inputs: [{ name: 'A' }, { name: 'B' }],
  outputs: [{ name: 'C' }],
  attributes: RESCALED_INPUTS,
  inferTypes(ctx) {
    checkRequantizationCount(ctx, 1, 'one multiplier and one shift');
    return inferBinary(ctx);
  },
};

import type { Dim } from '../../shape/Shape.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { requireIntegerActivation } from './activationRequantization.js';
import { checkInterpolationOutput, INTERPOLATION_OUTPUT_ATTRIBUTES } from './interpolationWeights.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

function checkTaps(ctx: InferenceContext, axis: 'y' | 'x', length: Dim | undefined): number {
  const indices = ctx.attrs.ints(`${axis}_indices`);
  const weights = ctx.attrs.ints(`${axis}_weights`);
  if (indices.length === 0 || indices.length % 2 !== 0 || weights.length !== indices.length) {
    ctx.fail(`${axis}_indices and ${axis}_weights must hold two entries per output index`);
  }
  if (typeof length === 'number' && indices.some((i) => i < 0 || i >= length)) {
    ctx.fail(`${axis}_indices must lie in [0, ${length})`);
  }
  const one = 2 ** ctx.attrs.int('weight_bits');
  for (let k = 0; k < weights.length; k += 2) {
    if (
      (weights[k] as number) < 0 ||
      (weights[k + 1] as number) < 0 ||
      (weights[k] as number) + (weights[k + 1] as number) !== one
    ) {
      ctx.fail(`${axis}_weights must be non-negative pairs summing to 2^weight_bits`);
    }
  }
  return indices.length / 2;
}

/**
 * Integer bilinear interpolation over the last two axes (a linear Resize): output (r, c) reads the
 * rows `y_indices[2r], y_indices[2r+1]` and the columns `x_indices[2c], x_indices[2c+1]` of the
 * int8/int16 input with weights in Q`weight_bits` (each pair sums to 2^weight_bits):
 * `acc = sum_ij y_weights[2r+i] x_weights[2c+j] q[y_i][x_j]` (int64), then the interpolation output
 * stage (see `INTERPOLATION_OUTPUT_ATTRIBUTES`).
 */
export const IntegerResize: OpDefinition<'Resize'> = {
  op: 'Resize',
  domain: QTK_DOMAIN,
  summary: 'Integer bilinear resize of the last two axes: fixed-point weights, int64 sum, requantize.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    y_indices: { kind: 'ints', required: true },
    y_weights: { kind: 'ints', required: true },
    x_indices: { kind: 'ints', required: true },
    x_weights: { kind: 'ints', required: true },
    ...INTERPOLATION_OUTPUT_ATTRIBUTES,
  },
  inferTypes(ctx) {
    const x = requireIntegerActivation(ctx);
    if (x.shape.length < 2) ctx.fail(`input must have at least two dims, got ${x.shape.length}`);
    const dtype = checkInterpolationOutput(ctx);
    const rank = x.shape.length;
    const h = checkTaps(ctx, 'y', x.shape[rank - 2]);
    const w = checkTaps(ctx, 'x', x.shape[rank - 1]);
    return [{ dtype, shape: [...x.shape.slice(0, rank - 2), h, w] }];
  },
};

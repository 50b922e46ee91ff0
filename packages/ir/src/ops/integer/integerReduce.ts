import type { Dim } from '../../shape/Shape.js';
import { reducedShape, reductionAxes } from '../core/reduction.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { activationOutDtype, requireIntegerActivation } from './activationRequantization.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

const REQUANT = {
  multiplier: { kind: 'int', required: true },
  shift: { kind: 'int', required: true },
  out_dtype: { kind: 'string', required: true },
  input_scale: { kind: 'floats' },
  output_scale: { kind: 'floats' },
} as const;

function check(ctx: InferenceContext): 'int8' | 'int16' {
  requireIntegerActivation(ctx);
  return activationOutDtype(ctx);
}

/**
 * Integer mean over all spatial dims: the int32 sum, then one requantization whose
 * multiplier / 2^shift is s_in / (count s_out) (the 1/count folded into the multiplier).
 */
export const IntegerGlobalAveragePool: OpDefinition<'GlobalAveragePool'> = {
  op: 'GlobalAveragePool',
  domain: QTK_DOMAIN,
  summary: 'Integer global average: int32 sum, then requantize (1/count folded in).',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: REQUANT,
  inferTypes(ctx) {
    const dtype = check(ctx);
    const x = ctx.requireInput(0);
    if (x.shape.length < 3) ctx.fail('input must be N x C x spatial...');
    return [{ dtype, shape: [x.shape[0] as Dim, x.shape[1] as Dim, ...x.shape.slice(2).map(() => 1)] }];
  },
};

/** An integer reduction over the `axes` attribute: the int32 sum, then one requantization. */
function integerReductionOp<N extends string>(op: N, summary: string): OpDefinition<N> {
  return {
    op,
    domain: QTK_DOMAIN,
    summary,
    inputs: [{ name: 'data' }],
    outputs: [{ name: 'reduced' }],
    attributes: { axes: { kind: 'ints' }, keepdims: { kind: 'int', default: 1 }, ...REQUANT },
    inferTypes(ctx: InferenceContext) {
      const dtype = check(ctx);
      const x = ctx.requireInput(0);
      const axes = reductionAxes(ctx.attrs.optionalInts('axes'), x.shape.length);
      if (!axes)
        ctx.fail(`axes ${JSON.stringify(ctx.attrs.optionalInts('axes'))} out of range for rank ${x.shape.length}`);
      return [{ dtype, shape: reducedShape(x.shape, axes, ctx.attrs.int('keepdims') !== 0) }];
    },
  };
}

/** Integer ReduceMean: the int32 sum over `axes`, then one requantization (1/count folded in). */
export const IntegerReduceMean = integerReductionOp(
  'ReduceMean',
  'Integer mean over axes: int32 sum, then requantize (1/count folded in).',
);

/** Integer ReduceSum: the int32 sum over `axes`, then one requantization s_in / s_out. */
export const IntegerReduceSum = integerReductionOp(
  'ReduceSum',
  'Integer sum over axes: int32 sum, then requantize into the output scale.',
);

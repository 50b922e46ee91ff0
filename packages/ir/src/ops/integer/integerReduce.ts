import type { Dim } from '../../shape/Shape.js';
import { ReduceMean as FloatReduceMean } from '../core/reduceMean.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { isIntegerActivation } from './outputStage.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

const REQUANT = {
  multiplier: { kind: 'int', required: true },
  shift: { kind: 'int', required: true },
  out_dtype: { kind: 'string', required: true },
  input_scale: { kind: 'floats' },
  output_scale: { kind: 'floats' },
} as const;

function check(ctx: InferenceContext): 'int8' | 'int16' {
  const x = ctx.requireInput(0);
  if (!isIntegerActivation(x.dtype)) ctx.fail(`input must be int8 or int16, got ${x.dtype}`);
  const d = ctx.attrs.string('out_dtype');
  if (d !== 'int8' && d !== 'int16') ctx.fail(`out_dtype '${d}' is not int8 or int16`);
  return d;
}

/**
 * Integer mean over all spatial dims: the int32 sum, then one requantization whose
 * multiplier / 2^shift is s_in / (count s_out) (the 1/count folded into the multiplier).
 */
export const IntegerGlobalAveragePool: OpDefinition = {
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

/** Integer ReduceMean: the int32 sum over `axes`, then one requantization (1/count folded in). */
export const IntegerReduceMean: OpDefinition = {
  op: 'ReduceMean',
  domain: QTK_DOMAIN,
  summary: 'Integer mean over axes: int32 sum, then requantize (1/count folded in).',
  inputs: FloatReduceMean.inputs,
  outputs: FloatReduceMean.outputs,
  attributes: { ...FloatReduceMean.attributes, ...REQUANT },
  inferTypes(ctx) {
    const dtype = check(ctx);
    const [y] = FloatReduceMean.inferTypes(ctx);
    return [{ dtype, shape: y?.shape ?? [] }];
  },
};

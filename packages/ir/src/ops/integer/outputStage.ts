import type { DType } from '../../dtype/DType.js';
import type { AttributeSpec } from '../../graph/Attribute.js';
import type { Dim } from '../../shape/Shape.js';
import type { InferenceContext } from '../OpDefinition.js';

/**
 * The output stage of an integer GEMM (and of the ops that end like one): the int32 accumulator
 * `acc` becomes
 * - `out_dtype` `int32`: `acc` itself (a high-precision output);
 * - `int8`/`int16`: `clamp(multiplyByFixedPoint(acc, multipliers[c], shifts[c]), lo, hi)` where
 *   [lo, hi] is the dtype's range narrowed by `clamp_min`/`clamp_max` (a fused ReLU or ReLU6);
 * - `float32`: `fround(acc * out_scales[c])` (GEMM engines that write float, nash-h/p).
 * `c` is the output channel (one entry applies to all channels).
 */
export const OUTPUT_STAGE_ATTRIBUTES: Readonly<Record<string, AttributeSpec>> = {
  out_dtype: { kind: 'string', required: true },
  multipliers: { kind: 'ints', default: [] },
  shifts: { kind: 'ints', default: [] },
  clamp_min: { kind: 'int' },
  clamp_max: { kind: 'int' },
  out_scales: { kind: 'floats', default: [] },
  /** What the int32 accumulator does on overflow: `saturate` (default) or `wrap`. */
  overflow: { kind: 'string', default: 'saturate' },
  // Scales of the operands and the result, for people reading the graph (visualize).
  input_scale: { kind: 'floats' },
  weight_scales: { kind: 'floats' },
  output_scale: { kind: 'floats' },
};

const OUT_DTYPES: readonly string[] = ['int8', 'int16', 'int32', 'float32'];

/** Checks the output stage attributes against `channels` output channels; returns the out dtype. */
export function checkOutputStage(ctx: InferenceContext, channels: Dim): DType {
  const out = ctx.attrs.string('out_dtype');
  if (!OUT_DTYPES.includes(out)) ctx.fail(`out_dtype '${out}' is not one of ${OUT_DTYPES.join(', ')}`);
  const perChannel = (name: string, n: number) => {
    if (n > 1 && typeof channels === 'number' && n !== channels)
      ctx.fail(`${name} has ${n} entries for ${channels} channels`);
  };
  if (out === 'int8' || out === 'int16') {
    const m = ctx.attrs.ints('multipliers').length;
    if (m === 0 || m !== ctx.attrs.ints('shifts').length)
      ctx.fail('multipliers and shifts must be given, one each per channel (or one)');
    perChannel('multipliers', m);
  }
  if (out === 'float32') {
    const n = ctx.attrs.floats('out_scales').length;
    if (n === 0) ctx.fail('out_scales must be given for a float32 output');
    perChannel('out_scales', n);
  }
  const overflow = ctx.attrs.string('overflow');
  if (overflow !== 'saturate' && overflow !== 'wrap') ctx.fail(`overflow '${overflow}' is not saturate or wrap`);
  return out as DType;
}

/** True for the integer activation dtypes integer ops take. */
export function isIntegerActivation(dtype: DType): boolean {
  return dtype === 'int8' || dtype === 'int16';
}

import type { Dim } from '../../shape/Shape.js';
import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * Sizes of the parts Split makes of a dim of size `dim`: `split` when given, else `parts` equal
 * parts (the last one smaller when `dim` does not divide). A message when impossible.
 */
export function splitSizes(dim: number, parts: number, split: readonly number[] | undefined): number[] | string {
  if (split) {
    if (split.length !== parts) return `split has ${split.length} entries for ${parts} outputs`;
    const sum = split.reduce((a, b) => a + b, 0);
    if (sum !== dim || split.some((s) => s < 0)) return `split ${JSON.stringify(split)} does not add up to ${dim}`;
    return [...split];
  }
  const size = Math.ceil(dim / parts);
  const sizes = Array.from({ length: parts }, (_, i) => Math.max(0, Math.min(size, dim - i * size)));
  if (sizes.reduce((a, b) => a + b, 0) !== dim) return `cannot split ${dim} into ${parts} parts`;
  return sizes;
}

/** ONNX Split (opset 13: sizes are an optional int64 input). */
export const Split: CoreOpDefinition<'Split'> = {
  op: 'Split',
  traits: { quantRole: 'passthrough' },
  summary: 'Cuts the input along axis into parts.',
  inputs: [{ name: 'input' }, { name: 'split', optional: true }],
  outputs: [{ name: 'outputs', variadic: true }],
  attributes: { axis: { kind: 'int', default: 0 } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const axis = normalizeAxis(ctx.attrs.int('axis'), x.shape.length);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${x.shape.length}`);
    const dim = x.shape[axis] as Dim;
    const splitInput = ctx.inputType(1);
    const splitConst = ctx.constant(1);
    if (splitInput && !splitConst) {
      return Array.from({ length: ctx.outputCount }, () => ({
        dtype: x.dtype,
        shape: x.shape.map((d, k) => (k === axis ? '?' : d)),
      }));
    }
    if (typeof dim !== 'number') {
      return Array.from({ length: ctx.outputCount }, () => ({
        dtype: x.dtype,
        shape: x.shape.map((d, k) => (k === axis ? '?' : d)),
      }));
    }
    const sizes = splitSizes(dim, ctx.outputCount, splitConst?.toNumbers());
    if (typeof sizes === 'string') ctx.fail(sizes);
    return sizes.map((s) => ({ dtype: x.dtype, shape: x.shape.map((d, k) => (k === axis ? s : d)) }));
  },
};

import type { Dim } from '../../shape/Shape.js';
import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** The modes of Pad qtk computes. */
export const PAD_MODES: readonly string[] = ['constant', 'reflect', 'edge'];

/** What Pad adds before and after each dim (negative amounts crop). */
export interface PadAmounts {
  readonly begin: readonly number[];
  readonly end: readonly number[];
}

/**
 * Resolves Pad's `pads` (`[x1_begin, x2_begin, ..., x1_end, x2_end, ...]` over `axes`, all dims by
 * default) into amounts for each of `rank` dims, or a message when they do not fit.
 */
export function resolvePads(rank: number, pads: readonly number[], axes?: readonly number[]): PadAmounts | string {
  const ax = axes ?? Array.from({ length: rank }, (_, i) => i);
  if (pads.length !== 2 * ax.length) {
    return `pads has ${pads.length} entries, expected ${2 * ax.length} (two per ${axes ? 'axis' : 'dim'})`;
  }
  const begin = new Array<number>(rank).fill(0);
  const end = new Array<number>(rank).fill(0);
  const seen = new Set<number>();
  for (let i = 0; i < ax.length; i++) {
    const a = normalizeAxis(ax[i] as number, rank);
    if (a === undefined) return `axis ${ax[i]} out of range for rank ${rank}`;
    if (seen.has(a)) return `axis ${a} appears twice`;
    seen.add(a);
    begin[a] = pads[i] as number;
    end[a] = pads[ax.length + i] as number;
  }
  return { begin, end };
}

/**
 * ONNX Pad (opset 11 on: `pads`, `constant_value` and, from 18, `axes` are inputs). Modes
 * `constant` (the value, 0 by default), `reflect` (mirrored without the edge) and `edge` (the
 * edge repeated); negative pads crop. A data movement op: quantized, the value is a parameter in
 * the data's units.
 */
export const Pad: CoreOpDefinition<'Pad'> = {
  op: 'Pad',
  traits: { quantRole: 'passthrough', parameterInputs: [2] },
  summary: "Pads (or, with negative pads, crops) each dim: a constant, the edge, or the edge's reflection.",
  inputs: [
    { name: 'data' },
    { name: 'pads' },
    { name: 'constant_value', optional: true },
    { name: 'axes', optional: true },
  ],
  outputs: [{ name: 'output' }],
  attributes: { mode: { kind: 'string', default: 'constant' } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const mode = ctx.attrs.string('mode');
    if (!PAD_MODES.includes(mode)) ctx.fail(`mode '${mode}' is not one of ${PAD_MODES.join(', ')}`);
    const p = ctx.requireInput(1);
    if (p.dtype !== 'int64' || p.shape.length !== 1) ctx.fail('pads must be a 1-D int64 tensor');
    const v = ctx.inputType(2);
    if (v && v.dtype !== x.dtype) ctx.fail(`constant_value is ${v.dtype}, data is ${x.dtype}`);
    if (v && v.shape.length > 1) ctx.fail('constant_value must be a scalar');
    const a = ctx.inputType(3);
    if (a && ((a.dtype !== 'int64' && a.dtype !== 'int32') || a.shape.length !== 1)) {
      ctx.fail('axes must be a 1-D int32 or int64 tensor');
    }
    const pads = ctx.constant(1);
    const axes = ctx.constant(3);
    if (!pads || (a && !axes)) return [{ dtype: x.dtype, shape: x.shape.map(() => '?') }];
    const amounts = resolvePads(x.shape.length, pads.toNumbers(), axes?.toNumbers());
    if (typeof amounts === 'string') ctx.fail(amounts);
    const shape: Dim[] = x.shape.map((d, i) => {
      const added = (amounts.begin[i] as number) + (amounts.end[i] as number);
      if (typeof d !== 'number') return added === 0 ? d : '?';
      if (d + added < 0) ctx.fail(`pads remove ${-added} elements of dim ${i}, which has ${d}`);
      return d + added;
    });
    return [{ dtype: x.dtype, shape }];
  },
};

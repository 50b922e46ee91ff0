import type { Dim } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** The permutation Transpose uses: `perm`, or the reversal of the dims when absent. */
export function transposePermutation(perm: readonly number[] | undefined, rank: number): number[] | undefined {
  const p = perm ? [...perm] : Array.from({ length: rank }, (_, i) => rank - 1 - i);
  if (p.length !== rank) return undefined;
  const seen = new Set(p);
  if (seen.size !== rank || p.some((a) => a < 0 || a >= rank || !Number.isInteger(a))) return undefined;
  return p;
}

/** ONNX Transpose. */
export const Transpose: CoreOpDefinition<'Transpose'> = {
  op: 'Transpose',
  traits: { quantRole: 'passthrough' },
  summary: 'Permutes dims (reverses them without perm).',
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'transposed' }],
  attributes: { perm: { kind: 'ints' } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const p = transposePermutation(ctx.attrs.optionalInts('perm'), x.shape.length);
    if (!p)
      ctx.fail(`perm ${JSON.stringify(ctx.attrs.optionalInts('perm'))} is not a permutation of rank ${x.shape.length}`);
    return [{ dtype: x.dtype, shape: p.map((a) => x.shape[a] as Dim) }];
  },
};

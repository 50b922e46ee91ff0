import type { DType } from '../../dtype/DType.js';
import type { Dim } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { type EinsumEquation, parseEinsum } from './einsumEquation.js';

/**
 * The size of each label: the one dim other than 1 its operands give it (1 broadcasts), a symbol
 * when only symbols and 1s do. A message when two operands disagree.
 */
export function einsumLabelSizes(eq: EinsumEquation, shapes: readonly (readonly Dim[])[]): Map<string, Dim> | string {
  const sizes = new Map<string, Dim>();
  eq.inputs.forEach((labels, i) => {
    labels.forEach((label, k) => {
      const d = (shapes[i] as readonly Dim[])[k] as Dim;
      const known = sizes.get(label);
      if (known === undefined || known === 1 || (typeof known === 'string' && typeof d === 'number' && d !== 1))
        sizes.set(label, d);
    });
  });
  for (const [i, labels] of eq.inputs.entries()) {
    for (const [k, label] of labels.entries()) {
      const d = (shapes[i] as readonly Dim[])[k] as Dim;
      const size = sizes.get(label) as Dim;
      if (typeof d === 'number' && typeof size === 'number' && d !== 1 && d !== size)
        return `label '${label}' is ${size} in one input and ${d} in input ${i}`;
    }
  }
  return sizes;
}

const FLOAT: readonly DType[] = ['float32', 'float64'];

/**
 * ONNX Einsum (opset 12): sums of products over labelled dims, for any number of float operands;
 * implicit or explicit output, repeated labels (diagonals), ellipsis. Import rewrites the forms
 * that are a matrix product into MatMul, so what stays Einsum is the general case.
 */
export const Einsum: CoreOpDefinition<'Einsum'> = {
  op: 'Einsum',
  traits: { quantRole: 'compute' },
  summary: 'Sum of products over the labelled dims of its equation.',
  inputs: [{ name: 'Inputs', variadic: true }],
  outputs: [{ name: 'Output' }],
  attributes: { equation: { kind: 'string', required: true } },
  inferTypes(ctx: InferenceContext) {
    const types = ctx.node.inputs.map((_, i) => ctx.requireInput(i));
    const first = types[0];
    if (!first) ctx.fail('needs at least one input');
    const dtype = first.dtype;
    if (!FLOAT.includes(dtype)) ctx.fail(`input dtype ${dtype} is not float32 or float64`);
    if (types.some((t) => t.dtype !== dtype)) ctx.fail(`input dtypes differ: ${types.map((t) => t.dtype).join(', ')}`);
    const eq = parseEinsum(
      ctx.attrs.string('equation'),
      types.map((t) => t.shape.length),
    );
    if (typeof eq === 'string') ctx.fail(eq);
    const sizes = einsumLabelSizes(
      eq,
      types.map((t) => t.shape),
    );
    if (typeof sizes === 'string') ctx.fail(sizes);
    return [{ dtype, shape: eq.output.map((l) => sizes.get(l) as Dim) }];
  },
};

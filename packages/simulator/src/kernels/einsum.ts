import { einsumLabelSizes, isFloatDType, type Kernel, numel, parseEinsum, stridesOf, Tensor } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * Moves an odometer over the labels `from..to-1` (the last one fastest) by one step, keeping each
 * operand's offset in step; returns nothing, wraps to all zeros after the last position.
 */
function advance(
  counters: number[],
  sizes: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: number[],
  from: number,
  to: number,
): void {
  for (let d = to - 1; d >= from; d--) {
    counters[d]++;
    for (let j = 0; j < offsets.length; j++) offsets[j] += strides[j][d];
    if (counters[d] < sizes[d]) return;
    for (let j = 0; j < offsets.length; j++) offsets[j] -= strides[j][d] * sizes[d];
    counters[d] = 0;
  }
}

/**
 * ONNX Einsum for any valid equation over float operands: every output element is the sum, over
 * the labels that are not in the output, of the product of the operands' elements, each operand
 * indexed by its labels (a label repeated in an operand walks its diagonal; a dim of size 1
 * broadcasts). Summed in double. The reference form; import turns matrix products into MatMul.
 */
export const einsumKernel: Kernel = (ctx) => {
  const xs = ctx.inputs.map((_, i) => requiredInput(ctx, i));
  const dtype = xs[0]?.dtype;
  if (!dtype || !isFloatDType(dtype) || xs.some((x) => x.dtype !== dtype))
    throw nodeError(ctx, `inputs are ${xs.map((x) => x.dtype).join(', ')}, expected float32 or float64 alike`);
  const eq = parseEinsum(
    ctx.attrs.string('equation'),
    xs.map((x) => x.rank),
  );
  if (typeof eq === 'string') throw nodeError(ctx, eq);
  const labelSizes = einsumLabelSizes(
    eq,
    xs.map((x) => x.shape),
  );
  if (typeof labelSizes === 'string') throw nodeError(ctx, labelSizes);
  // The output labels, then the summed ones.
  const labels = [...eq.output, ...[...labelSizes.keys()].filter((l) => !eq.output.includes(l))];
  const sizes = labels.map((l) => labelSizes.get(l) as number);
  const strides = xs.map((x, j) => {
    const own = stridesOf(x.shape);
    const byLabel = labels.map(() => 0);
    (eq.inputs[j] as readonly string[]).forEach((l, k) => {
      const at = labels.indexOf(l);
      if (x.shape[k] !== 1 || sizes[at] === 1) byLabel[at] += own[k] as number;
    });
    return byLabel;
  });
  const outRank = eq.output.length;
  const out = Tensor.zeros(dtype, sizes.slice(0, outRank));
  const summed = numel(sizes.slice(outRank));
  const data = xs.map((x) => x.data as Float32Array | Float64Array);
  const counters = labels.map(() => 0);
  const offsets = xs.map(() => 0);
  for (let o = 0; o < out.size; o++) {
    let sum = 0;
    for (let s = 0; s < summed; s++) {
      let product = 1;
      for (let j = 0; j < data.length; j++) product *= data[j][offsets[j]];
      sum += product;
      advance(counters, sizes, strides, offsets, outRank, labels.length);
    }
    out.data[o] = sum;
    advance(counters, sizes, strides, offsets, 0, outRank);
  }
  return [out];
};

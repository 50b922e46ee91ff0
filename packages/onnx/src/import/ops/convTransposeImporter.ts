import { type AttributeValue, isConcreteShape, type Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Explicit pads and output_padding standing for a node's `output_shape` or `auto_pad`. */
interface ResolvedPadding {
  readonly pads: number[];
  readonly outputPadding: number[];
}

/**
 * The pads that make each spatial dim `target[i]` long: `total = full - target` is split between
 * the two ends, the odd one at the end (`extraAtEnd`) or at the beginning. A target longer than
 * the full result extends it at the end (the added positions hold only the bias), as onnxruntime
 * does; that is output_padding.
 */
function padsForTargets(
  full: readonly number[],
  target: readonly number[],
  outputPadding: readonly number[],
  extraAtEnd: boolean,
): ResolvedPadding {
  const begins: number[] = [];
  const ends: number[] = [];
  const extended = [...outputPadding];
  full.forEach((f, i) => {
    const total = f - (target[i] as number);
    if (total < 0) {
      begins.push(0);
      ends.push(0);
      extended[i] = (extended[i] as number) - total;
      return;
    }
    const small = Math.floor(total / 2);
    begins.push(extraAtEnd ? small : total - small);
    ends.push(extraAtEnd ? total - small : small);
  });
  return { pads: [...begins, ...ends], outputPadding: extended };
}

/**
 * Resolves `output_shape` and `auto_pad` to explicit pads (and output_padding). From opset 11
 * (the spec's text) SAME_UPPER gives output `input x stride` with the odd pad at the end, and
 * SAME_LOWER, and an explicit `output_shape` without SAME_UPPER, put it at the beginning; opset 1
 * has the opposite split for `output_shape`, and its SAME_* ("output size matches the input") is
 * refused. Both need static spatial dims. `undefined` when the node's `pads` stand as they are.
 */
function resolvePadding(
  ctx: NodeImportContext,
  x: Value,
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  outputPadding: readonly number[],
): ResolvedPadding | undefined {
  const autoPad = ctx.attrs.string('auto_pad') ?? 'NOTSET';
  if (!['NOTSET', 'VALID', 'SAME_UPPER', 'SAME_LOWER'].includes(autoPad))
    ctx.fail(`auto_pad '${autoPad}' is not NOTSET, VALID, SAME_UPPER or SAME_LOWER`);
  const same = autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER';
  const rank = kernel.length;
  const outputShape = ctx.attrs.ints('output_shape');
  if (!outputShape && !same) {
    return autoPad === 'VALID'
      ? { pads: new Array<number>(2 * rank).fill(0), outputPadding: [...outputPadding] }
      : undefined;
  }
  if (same && !outputShape && ctx.opset < 11)
    ctx.unsupported(
      `auto_pad ${autoPad} before opset 11 is ambiguous; export with opset 11 or later, or explicit pads`,
    );
  if (outputShape && outputShape.length !== rank && outputShape.length !== rank + 2)
    ctx.fail(`output_shape has ${outputShape.length} entries, expected ${rank} (or ${rank + 2})`);
  const dims = x.type.shape.slice(2);
  if (dims.length !== rank) ctx.fail(`input rank ${x.type.shape.length} does not fit a ${rank}-d kernel`);
  if (!isConcreteShape(dims)) {
    return ctx.unsupported(
      `${outputShape ? 'output_shape' : `auto_pad ${autoPad}`} needs static spatial dims, got [${dims.join(',')}]`,
    );
  }
  const spatial: readonly number[] = dims;
  const target = outputShape
    ? outputShape.slice(outputShape.length - rank)
    : spatial.map((d, i) => d * (strides[i] as number));
  const full = spatial.map(
    (d, i) =>
      (strides[i] as number) * (d - 1) +
      (outputPadding[i] as number) +
      (dilations[i] as number) * ((kernel[i] as number) - 1) +
      1,
  );
  const upper = autoPad === 'SAME_UPPER';
  return padsForTargets(full, target, outputPadding, ctx.opset >= 11 ? upper : !upper);
}

/**
 * ConvTranspose (opsets 1 and 11: the same op, 11 fixed the SAME_* and `output_shape` pad rules),
 * with `auto_pad` and `output_shape` resolved to explicit pads and output_padding.
 */
export const convTransposeImporter: OnnxOpImporter = {
  op: 'ConvTranspose',
  since: 1,
  import(ctx) {
    const inputs = nodeInputs(ctx, 2, 3);
    const [x, w] = inputs as [Value, Value];
    const kernelDims = ctx.attrs.ints('kernel_shape') ?? w.type.shape.slice(2);
    if (!isConcreteShape(kernelDims)) return ctx.fail('weight spatial dims must be static');
    const kernel: readonly number[] = kernelDims;
    const ones = kernel.map(() => 1);
    const strides = ctx.attrs.ints('strides');
    const dilations = ctx.attrs.ints('dilations');
    const outputPadding = ctx.attrs.ints('output_padding');
    for (const [name, list] of [
      ['strides', strides],
      ['dilations', dilations],
      ['output_padding', outputPadding],
    ] as const) {
      if (list && list.length !== kernel.length)
        ctx.fail(`${name} has ${list.length} entries, expected ${kernel.length}`);
    }
    const resolved = resolvePadding(
      ctx,
      x,
      kernel,
      strides ?? ones,
      dilations ?? ones,
      outputPadding ?? kernel.map(() => 0),
    );
    const attrs: Record<string, AttributeValue> = {};
    if (ctx.attrs.has('kernel_shape')) attrs.kernel_shape = kernel;
    if (strides) attrs.strides = strides;
    const pads = resolved ? resolved.pads : ctx.attrs.ints('pads');
    if (pads) attrs.pads = pads;
    if (dilations) attrs.dilations = dilations;
    const padding = resolved ? resolved.outputPadding : outputPadding;
    if (padding?.some((p) => p !== 0)) attrs.output_padding = padding;
    const group = ctx.attrs.int('group');
    if (group !== undefined) attrs.group = group;
    ctx.emit('ConvTranspose', inputs, attrs);
  },
};

import { convTransposeOutputSize, isConcreteShape, type Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';
import { convolutionAttributes, readConvolutionWindow } from './convolutionWindow.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Explicit pads (ONNX order) and output_padding standing for a node's `output_shape` or `auto_pad`. */
interface ResolvedPadding {
  readonly pads: number[];
  readonly outputPadding: number[];
}

/**
 * Resolves `output_shape` and `auto_pad` to explicit pads and output_padding, by the spec's text
 * from opset 11, which onnxruntime follows at every opset: the output is `output_shape`, or
 * `input x stride` for SAME_UPPER and SAME_LOWER; the full result's extra length
 * `total = full - output` is cropped, the odd position at the end for SAME_UPPER and at the
 * beginning otherwise. An output longer than the full result is extended at the end (positions
 * only the bias reaches), which is more output_padding; as onnxruntime, qtk takes that only while
 * output_padding stays below the stride. Needs static spatial dims. `undefined` when the node's
 * `pads` and `output_padding` stand as they are.
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
  const rank = kernel.length;
  const outputShape = ctx.attrs.ints('output_shape');
  if (!outputShape && (autoPad === 'NOTSET' || autoPad === 'VALID')) {
    return autoPad === 'VALID'
      ? { pads: new Array<number>(2 * rank).fill(0), outputPadding: [...outputPadding] }
      : undefined;
  }
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
  const begins: number[] = [];
  const ends: number[] = [];
  const extended = [...outputPadding];
  spatial.forEach((d, i) => {
    const full = convTransposeOutputSize(
      d,
      kernel[i] as number,
      strides[i] as number,
      0,
      0,
      dilations[i] as number,
      outputPadding[i] as number,
    );
    const total = full - (target[i] as number);
    if (total < 0) {
      const padding = (outputPadding[i] as number) - total;
      if (padding >= (strides[i] as number)) {
        ctx.fail(
          `output dim ${i} of ${target[i]} is ${-total} longer than the full result ${full}; that needs output_padding ${padding}, which must stay below the stride ${strides[i]}`,
        );
      }
      begins.push(0);
      ends.push(0);
      extended[i] = padding;
      return;
    }
    const small = Math.floor(total / 2);
    begins.push(autoPad === 'SAME_UPPER' ? small : total - small);
    ends.push(autoPad === 'SAME_UPPER' ? total - small : small);
  });
  return { pads: [...begins, ...ends], outputPadding: extended };
}

/**
 * ConvTranspose (opsets 1 and 11: the same computation; 11 rewrote the text of the SAME_* and
 * `output_shape` pad rules, which onnxruntime applies at every opset, and so does qtk), with
 * `auto_pad` and `output_shape` resolved to explicit pads.
 */
export const convTransposeImporter: OnnxOpImporter = {
  op: 'ConvTranspose',
  since: 1,
  import(ctx) {
    const inputs = nodeInputs(ctx, 2, 3);
    const [x, w] = inputs as [Value, Value];
    const window = readConvolutionWindow(ctx, w);
    const { kernel, strides, dilations, ones } = window;
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
    const pads = resolved ? resolved.pads : ctx.attrs.ints('pads');
    const attrs = convolutionAttributes(ctx, window, pads, {
      output_padding: resolved ? resolved.outputPadding : outputPadding,
    });
    ctx.emit('ConvTranspose', inputs, attrs);
  },
};

import { type AttributeValue, isConcreteShape, type Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';

/** The window a Conv or ConvTranspose node declares over its spatial dims. */
export interface ConvolutionWindow {
  /** `kernel_shape`, or the weight's spatial dims. */
  readonly kernel: readonly number[];
  /** As the node sets them (`undefined`: ONNX's default, all 1). */
  readonly strides: number[] | undefined;
  readonly dilations: number[] | undefined;
  /** All ones, one per spatial dim: the default of strides and dilations. */
  readonly ones: readonly number[];
}

/** Reads a convolution node's window; its kernel must be static. */
export function readConvolutionWindow(ctx: NodeImportContext, w: Value): ConvolutionWindow {
  const kernelDims = ctx.attrs.ints('kernel_shape') ?? w.type.shape.slice(2);
  if (!isConcreteShape(kernelDims)) return ctx.fail('weight spatial dims must be static');
  const kernel: readonly number[] = kernelDims;
  return {
    kernel,
    strides: ctx.attrs.ints('strides'),
    dilations: ctx.attrs.ints('dilations'),
    ones: kernel.map(() => 1),
  };
}

/**
 * The core op's attributes of a convolution node: `kernel_shape` when the node sets it, the
 * strides, `pads` (resolved from `auto_pad`), dilations, the op's `more` attributes, then `group`
 * when set.
 */
export function convolutionAttributes(
  ctx: NodeImportContext,
  window: ConvolutionWindow,
  pads: number[] | undefined,
  more: Readonly<Record<string, AttributeValue | undefined>> = {},
): Record<string, AttributeValue> {
  const attrs: Record<string, AttributeValue> = {};
  if (ctx.attrs.has('kernel_shape')) attrs.kernel_shape = window.kernel;
  if (window.strides) attrs.strides = window.strides;
  if (pads) attrs.pads = pads;
  if (window.dilations) attrs.dilations = window.dilations;
  for (const [name, value] of Object.entries(more)) if (value !== undefined) attrs[name] = value;
  const group = ctx.attrs.int('group');
  if (group !== undefined) attrs.group = group;
  return attrs;
}

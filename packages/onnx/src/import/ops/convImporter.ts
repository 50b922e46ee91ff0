import { type AttributeValue, isConcreteShape, type Value } from '@qtk/ir';
import { explicitPads } from './explicitPads.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Conv, with `auto_pad` resolved to explicit pads. */
export const convImporter: OnnxOpImporter = {
  op: 'Conv',
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
    const pads = explicitPads(ctx, x, kernel, strides ?? ones, dilations ?? ones);
    const attrs: Record<string, AttributeValue> = {};
    if (ctx.attrs.has('kernel_shape')) attrs.kernel_shape = kernel;
    if (strides) attrs.strides = strides;
    if (pads) attrs.pads = pads;
    if (dilations) attrs.dilations = dilations;
    const group = ctx.attrs.int('group');
    if (group !== undefined) attrs.group = group;
    ctx.emit('Conv', inputs, attrs);
  },
};

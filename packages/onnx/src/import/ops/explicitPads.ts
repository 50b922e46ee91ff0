import type { Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';

/**
 * The explicit pads (ONNX order: begins, then ends) that a Conv or pooling node's `auto_pad` stands
 * for, or its `pads` attribute when `auto_pad` is NOTSET (`undefined` when it has none). SAME_UPPER
 * and SAME_LOWER pad so that each output dim is ceil(input / stride), putting the odd pixel at the
 * end (UPPER) or the beginning (LOWER); that needs static spatial dims.
 */
export function explicitPads(
  ctx: NodeImportContext,
  x: Value,
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
): number[] | undefined {
  const autoPad = ctx.attrs.string('auto_pad') ?? 'NOTSET';
  const rank = kernel.length;
  switch (autoPad) {
    case 'NOTSET':
      return ctx.attrs.ints('pads');
    case 'VALID':
      return new Array<number>(2 * rank).fill(0);
    case 'SAME_UPPER':
    case 'SAME_LOWER': {
      const spatial = x.type.shape.slice(2);
      if (spatial.length !== rank) ctx.fail(`input rank ${x.type.shape.length} does not fit a ${rank}-d kernel`);
      const begins: number[] = [];
      const ends: number[] = [];
      spatial.forEach((d, i) => {
        if (typeof d !== 'number')
          ctx.unsupported(`auto_pad ${autoPad} needs static spatial dims, dim ${i + 2} is '${d}'`);
        const stride = strides[i] as number;
        const span = ((kernel[i] as number) - 1) * (dilations[i] as number) + 1;
        const total = Math.max(0, (Math.ceil(d / stride) - 1) * stride + span - d);
        const small = Math.floor(total / 2);
        begins.push(autoPad === 'SAME_UPPER' ? small : total - small);
        ends.push(autoPad === 'SAME_UPPER' ? total - small : small);
      });
      return [...begins, ...ends];
    }
    default:
      return ctx.fail(`auto_pad '${autoPad}' is not NOTSET, VALID, SAME_UPPER or SAME_LOWER`);
  }
}

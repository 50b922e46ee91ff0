import type { Value } from '@qtk/ir';
import { convolutionAttributes, readConvolutionWindow } from './convolutionWindow.js';
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
    const window = readConvolutionWindow(ctx, w);
    const { kernel, strides, dilations, ones } = window;
    const pads = explicitPads(ctx, x, kernel, strides ?? ones, dilations ?? ones);
    ctx.emit('Conv', inputs, convolutionAttributes(ctx, window, pads));
  },
};

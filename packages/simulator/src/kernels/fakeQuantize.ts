import { fakeQuantizeTensor, type Kernel, quantParamsOf } from '@qtk/ir';
import { floatInput } from './kernelInputs.js';

/**
 * FakeQuantize: the identity while disabled (calibration); otherwise quantize-dequantize with the
 * node's scales (qtk's quantization arithmetic from `@qtk/ir`), counting saturated values as the
 * `saturated` event.
 */
export const fakeQuantizeKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  if (ctx.attrs.int('enabled') === 0) return [x];
  const stats = { saturated: 0 };
  const y = fakeQuantizeTensor(x, quantParamsOf(ctx.node, ctx.attrs), `node '${ctx.node.name}'`, stats);
  if (stats.saturated > 0) ctx.count('saturated', stats.saturated);
  return [y];
};

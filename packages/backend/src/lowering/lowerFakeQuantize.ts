import { type Node, type QuantParams, quantizeTensor, type RoundingMode } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';

/**
 * A FakeQuantize: on a constant (weights, quantized constants) the constant's integers; on an
 * activation a Quantize, a Rescale, or nothing, whichever brings its input to the point's dtype
 * and scale.
 */
export function lowerFakeQuantize(ctx: LoweringContext, fq: Node): void {
  const input = fq.input(0);
  const target = fakeQuantTarget(fq);
  if (input.constant) {
    const params: QuantParams = {
      dtype: fq.attrs.dtype as QuantParams['dtype'],
      scales: target.scales,
      rounding: (fq.attrs.rounding as RoundingMode | undefined) ?? 'half-to-even',
      ...(target.axis !== undefined ? { axis: target.axis } : {}),
    };
    const q = quantizeTensor(input.constant, params, fq.name);
    const value = ctx.graph.addConstant(`${input.name}_quantized`, q);
    ctx.set(fq.output(), {
      kind: 'int',
      value,
      dtype: target.dtype,
      scales: target.scales,
      ...(target.axis !== undefined ? { axis: target.axis } : {}),
    });
    return;
  }
  ctx.set(fq.output(), ctx.quantizeTo(ctx.get(input), target, fq.name));
}

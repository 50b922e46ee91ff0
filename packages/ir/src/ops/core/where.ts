import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * ONNX Where (opset 9 on): X where the condition holds, Y elsewhere, the three broadcast together.
 * It selects values and computes none: X and Y share one scale and the output keeps it.
 */
export const Where: CoreOpDefinition<'Where'> = {
  op: 'Where',
  summary: 'X where condition, else Y; broadcasting.',
  traits: { quantRole: 'passthrough', sharedInputScale: true },
  inputs: [{ name: 'condition' }, { name: 'X' }, { name: 'Y' }],
  outputs: [{ name: 'output' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const c = ctx.requireInput(0);
    const x = ctx.requireInput(1);
    const y = ctx.requireInput(2);
    if (c.dtype !== 'bool') ctx.fail(`condition is ${c.dtype}, expected bool`);
    if (x.dtype !== y.dtype) ctx.fail(`X is ${x.dtype}, Y is ${y.dtype}`);
    const shape = broadcastShapes(c.shape, x.shape, y.shape);
    if (!shape) {
      ctx.fail(`shapes ${formatShape(c.shape)}, ${formatShape(x.shape)} and ${formatShape(y.shape)} do not broadcast`);
    }
    return [{ dtype: x.dtype, shape }];
  },
};

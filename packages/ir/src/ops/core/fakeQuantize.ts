import { isQuantDType } from '../../quant/QuantDType.js';
import { normalizeAxis } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/**
 * A fake-quantization point: quantize then dequantize its float input with the attribute's scales
 * (`enabled = 0` passes the input through, as in calibration). The observer that calibrates it is
 * named by `observer`; `scales` is empty until calibration has run.
 */
export const FakeQuantize: CoreOpDefinition<'FakeQuantize'> = {
  op: 'FakeQuantize',
  traits: { quantRole: 'float' },
  summary: 'Quantize-dequantize with fixed scales (identity while disabled).',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {
    dtype: { kind: 'string', required: true },
    scales: { kind: 'floats', default: [] },
    axis: { kind: 'int' },
    rounding: { kind: 'string', default: 'half-to-even' },
    enabled: { kind: 'int', default: 1 },
    observer: { kind: 'string' },
  },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    if (x.dtype !== 'float32' && x.dtype !== 'float64') ctx.fail(`input must be float, got ${x.dtype}`);
    const dtype = ctx.attrs.string('dtype');
    if (!isQuantDType(dtype)) ctx.fail(`dtype '${dtype}' is not qint8, qint16 or qint32`);
    const rounding = ctx.attrs.string('rounding');
    if (rounding !== 'half-to-even' && rounding !== 'bpu')
      ctx.fail(`rounding '${rounding}' is not half-to-even or bpu`);
    if (ctx.attrs.has('axis')) {
      const axis = normalizeAxis(ctx.attrs.int('axis'), x.shape.length);
      if (axis === undefined) ctx.fail(`axis ${ctx.attrs.int('axis')} out of range for rank ${x.shape.length}`);
      const n = ctx.attrs.floats('scales').length;
      const c = x.shape[axis];
      if (n > 0 && typeof c === 'number' && n !== c) ctx.fail(`${n} scales for ${c} channels on axis ${axis}`);
    } else if (ctx.attrs.floats('scales').length > 1) {
      ctx.fail('per-tensor fake quantization takes one scale (set axis for per-channel)');
    }
    return [x];
  },
};

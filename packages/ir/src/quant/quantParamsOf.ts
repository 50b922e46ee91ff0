import { QtkError } from '../errors/QtkError.js';
import type { Node } from '../graph/Node.js';
import type { AttributeReader } from '../ops/AttributeReader.js';
import type { QuantDType } from './QuantDType.js';
import type { QuantParams } from './QuantParams.js';
import type { RoundingMode } from './RoundingMode.js';

/**
 * The {@link QuantParams} a FakeQuantize node applies, read through its attributes (with defaults).
 * A node that was never calibrated (no scales) is an error naming it.
 */
export function quantParamsOf(node: Node, attrs: AttributeReader): QuantParams {
  const scales = attrs.floats('scales');
  if (scales.length === 0) {
    throw new QtkError('quant.uncalibrated', `fake quantization '${node.name}' has no scale: run calibration first`);
  }
  return {
    dtype: attrs.string('dtype') as QuantDType,
    scales,
    rounding: attrs.string('rounding') as RoundingMode,
    ...(attrs.has('axis') ? { axis: attrs.int('axis') } : {}),
  };
}

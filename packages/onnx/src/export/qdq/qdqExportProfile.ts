import type { Value } from '@qtk/ir';
import type { ExportProfile } from '../ExportProfile.js';
import { floatExportProfile } from '../float/floatExportProfile.js';
import { linearLowering } from '../float/lowerLinear.js';
import { fakeQuantizeLowering } from './lowerFakeQuantize.js';
import type { QdqExportOptions } from './QdqExportOptions.js';

/**
 * The QDQ export: each FakeQuantize as QuantizeLinear + DequantizeLinear (a quantized constant as
 * integers + DequantizeLinear), every other op as the float export writes it, so values left
 * unquantized (high-precision outputs) stay float. A new profile per export: it remembers which
 * weights it wrote transposed.
 */
export function qdqExportProfile(options: QdqExportOptions = {}): ExportProfile {
  const pretransposed = new Map<Value, string>();
  const lowerFakeQuantize = fakeQuantizeLowering(pretransposed, options);
  const lowerLinear = linearLowering((w) => pretransposed.get(w));
  return {
    name: 'QDQ',
    opsets: floatExportProfile.opsets,
    lowering(node) {
      if (node.domain !== '') return undefined;
      if (node.op === 'FakeQuantize') return lowerFakeQuantize;
      if (node.op === 'Linear') return lowerLinear;
      return floatExportProfile.lowering(node);
    },
  };
}

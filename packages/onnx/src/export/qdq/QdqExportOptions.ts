import type { ExportOptions } from '../ExportOptions.js';

/** Options of {@link exportQdqOnnx}. */
export interface QdqExportOptions extends ExportOptions {
  /**
   * What to do with a FakeQuantize of a computed value that rounds as the BPU does
   * (`floor(x / scale + 0.5)`), which QuantizeLinear cannot express (it rounds half to even; the two
   * differ by one step exactly where `x / scale` is halfway between integers): `'refuse'` (default) is
   * an error naming the node; `'half-to-even'` writes it as QuantizeLinear anyway. (A constant's
   * integers are written as the BPU rounds them, which is exact.)
   */
  bpuRounding?: 'refuse' | 'half-to-even';
}

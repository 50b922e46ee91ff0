import type { QuantDType } from './QuantDType.js';
import type { RoundingMode } from './RoundingMode.js';

/**
 * How a tensor is quantized: symmetric (zero point 0), one scale per tensor, or one per slice along
 * `axis` (weights: one per output channel).
 */
export interface QuantParams {
  readonly dtype: QuantDType;
  /** One scale, or one per index of `axis`. */
  readonly scales: readonly number[];
  /** The per-channel axis; absent for per-tensor quantization. */
  readonly axis?: number;
  readonly rounding?: RoundingMode;
}

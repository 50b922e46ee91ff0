import type { QuantDType, RoundingMode } from '@qtk/ir';
import type { ObserverConfig } from '@qtk/observers';

/** How one tensor is fake-quantized: its dtype and the observer that calibrates its scale. */
export interface FakeQuantConfig {
  readonly dtype: QuantDType;
  readonly observer: ObserverConfig;
  /** One scale per output channel (weights); prepare picks the axis from the op. */
  readonly perChannel?: boolean;
  readonly rounding?: RoundingMode;
}

/**
 * The quantization of one op, as SPEC section 5 defines it: its output (activation), its weight,
 * and optionally its inputs. `output: null` leaves the output unquantized: the high-precision
 * output (int32 on nash-e/m, float32 on nash-h/p after convert; float32 before).
 */
export interface QConfig {
  readonly output: FakeQuantConfig | null;
  readonly weight: FakeQuantConfig | null;
  /**
   * How to quantize an input that arrives unquantized (a high-precision output read by another op,
   * a model input): one config for every input, or one per input index (`null` keeps it float).
   */
  readonly input?: FakeQuantConfig | readonly (FakeQuantConfig | null)[] | null;
}

/** The input config of `qconfig` for input `index`, if any. */
export function inputConfigOf(qconfig: QConfig, index: number): FakeQuantConfig | null {
  const input = qconfig.input;
  if (!input) return null;
  if (Array.isArray(input)) return (input as readonly (FakeQuantConfig | null)[])[index] ?? null;
  return input as FakeQuantConfig;
}

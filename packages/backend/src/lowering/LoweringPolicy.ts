import type { HardwareUnit } from '../HardwareUnit.js';
import type { OpLowering } from './OpLowering.js';

/** The decisions that make one backend's integer lowering differ from another's. */
export interface LoweringPolicy {
  /**
   * What a GEMM writes when its output stays high-precision: the int32 accumulator, dequantized
   * by the host (nash-e/m), or float32 straight from the TAE (nash-h/p).
   */
  readonly highPrecisionGemmOutput: 'int32' | 'float32';
  /** What the int32 accumulator does on overflow. */
  readonly accumulatorOverflow: 'saturate' | 'wrap';
  /** Extra fractional bits of the rescaled operands of an integer Add/Sub. */
  readonly addFracBits: number;
  /** Extra fractional bits of an integer LayerNorm's result before its final rounding. */
  readonly layerNormFracBits: number;
  /** The unit of each kind of converted op. */
  readonly units: {
    readonly gemm: HardwareUnit;
    readonly vector: HardwareUnit;
    readonly quantize: HardwareUnit;
    readonly dequantize: HardwareUnit;
    readonly normalization: HardwareUnit;
    readonly fallback: HardwareUnit;
  };
  /**
   * The backend's own entries of the lowering table, by op type of the QAT graph: an entry
   * replaces the default lowering of that op (or adds one for an op that has none); `null` removes
   * it, so the op runs in float32 on the CPU.
   */
  readonly lowerings?: Readonly<Record<string, OpLowering | null>>;
}

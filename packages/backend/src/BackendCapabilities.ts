import type { HardwareUnit } from './HardwareUnit.js';

/** One op a backend runs: where, and for which integer dtypes of its activations. */
export interface OpCapability {
  /** The op type in the converted graph (`Linear`, `Rescale`, `Lut`, ...). */
  readonly op: string;
  /** Its domain (`qtk` for the integer ops, `''` for core ops run on integers). */
  readonly domain: string;
  readonly unit: HardwareUnit;
  readonly dtypes: readonly string[];
}

/** What a backend's hardware can do, as the backend declares it. */
export interface BackendCapabilities {
  readonly ops: readonly OpCapability[];
  /** What a GEMM (conv, linear, matmul) can write: requantized ints, int32, float32 ... */
  readonly gemmOutputDtypes: readonly string[];
}

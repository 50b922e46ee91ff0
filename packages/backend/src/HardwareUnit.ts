/**
 * Where a converted op runs, as the vendor's reports name the lanes of a Nash BPU: the tensor
 * engine (`tae`: conv, matmul, linear), the vector engine (`vae`: elementwise, lookup tables,
 * requantize), the programmable vector processor (`vpu`: float ops such as a float32 -> int
 * quantize), or the host CPU (`cpu`: the model's final dequantize, and float fallbacks).
 */
export type HardwareUnit = 'tae' | 'vae' | 'vpu' | 'cpu';

/** Every unit, in the order reports list them. */
export const HARDWARE_UNITS: readonly HardwareUnit[] = ['tae', 'vae', 'vpu', 'cpu'];

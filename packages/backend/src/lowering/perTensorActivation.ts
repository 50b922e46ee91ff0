import type { Lowered, LoweredInt } from './Lowered.js';

/** An int8/int16 tensor with one scale: what the VAE's elementwise integer ops take. */
export type PerTensorActivation = LoweredInt & { readonly dtype: 'int8' | 'int16' };

/** True when `l` is a {@link PerTensorActivation}. */
export function isPerTensorActivation(l: Lowered): l is PerTensorActivation {
  return l.kind === 'int' && l.scales.length === 1 && l.dtype !== 'int32';
}

/** Why input `i` does not fit an integer op, when it does not. */
export function activationMismatch(l: Lowered, i: number): string | undefined {
  if (isPerTensorActivation(l)) return undefined;
  if (l.kind === 'float') return `input ${i} is not quantized`;
  return l.dtype === 'int32' ? `input ${i} is an int32 high-precision output` : `input ${i} has per-channel scales`;
}

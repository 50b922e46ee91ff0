import type { LoweringPolicy } from '@qtk/backend';

/**
 * qtk's model of J6E/J6M (see the README): GEMMs write requantized int8/int16 or the int32
 * accumulator (high precision), which the host dequantizes; the int32 accumulator saturates;
 * requantization is a 31-bit fixed-point multiplier and a right shift, rounded half up.
 */
export const nashMPolicy: LoweringPolicy = {
  highPrecisionGemmOutput: 'int32',
  accumulatorOverflow: 'saturate',
  addFracBits: 12,
  layerNormFracBits: 12,
  units: { gemm: 'tae', vector: 'vae', quantize: 'vpu', dequantize: 'cpu', normalization: 'vpu', fallback: 'cpu' },
};

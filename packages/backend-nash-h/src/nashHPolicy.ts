import type { LoweringPolicy } from '@qtk/backend';

/**
 * qtk's model of J6H/J6P (see the README): as J6E/J6M, except that a GEMM's high-precision output
 * is float32 written by the TAE itself, and a float32 value another op reads is quantized on the VPU.
 */
export const nashHPolicy: LoweringPolicy = {
  highPrecisionGemmOutput: 'float32',
  accumulatorOverflow: 'saturate',
  addFracBits: 12,
  layerNormFracBits: 12,
  units: { gemm: 'tae', vector: 'vae', quantize: 'vpu', dequantize: 'cpu', normalization: 'vpu', fallback: 'cpu' },
};

/** nash-h with `integerConv`: GEMMs write int32 as on nash-m (the article's `_integer_conv = True`). */
export const nashHIntegerConvPolicy: LoweringPolicy = { ...nashHPolicy, highPrecisionGemmOutput: 'int32' };

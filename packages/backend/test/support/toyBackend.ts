import {
  BACKEND_SPEC_VERSION,
  type Backend,
  type LoweringPolicy,
  loweringCapabilities,
  lowerToInteger,
} from '../../src/index.js';

/**
 * A third backend that exists only in this test suite: a made-up "toy-npu" whose vector engine
 * does everything but GEMMs, whose accumulator wraps, and whose high-precision outputs are int32.
 * It shows that adding a march needs no change to any other package.
 */
export const toyPolicy: LoweringPolicy = {
  highPrecisionGemmOutput: 'int32',
  accumulatorOverflow: 'wrap',
  addFracBits: 8,
  layerNormFracBits: 10,
  units: { gemm: 'tae', vector: 'vae', quantize: 'vae', dequantize: 'vae', normalization: 'vae', fallback: 'cpu' },
};

export const toyBackend: Backend = {
  specVersion: BACKEND_SPEC_VERSION,
  name: 'toy-npu-backend',
  marches: ['toy-npu'],
  description: 'A test-only backend.',
  capabilities: loweringCapabilities(toyPolicy),
  options: [],
  convert(qat, march) {
    return {
      kind: 'quantized',
      graph: lowerToInteger(qat.graph, toyPolicy, march).graph,
      metadata: { ...qat.metadata },
    };
  },
};

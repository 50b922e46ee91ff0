// A third-party backend as a user would write one (packages/backend/README.md), for `--backend`:
// it serves march toy-npu, places every op of the shared integer lowering on the VAE except
// GEMMs, and writes no qtk.convert section.
import { BACKEND_SPEC_VERSION, loweringCapabilities, lowerToInteger } from '@qtk/backend';

const policy = {
  highPrecisionGemmOutput: 'int32',
  accumulatorOverflow: 'wrap',
  addFracBits: 12,
  layerNormFracBits: 12,
  units: { gemm: 'tae', vector: 'vae', quantize: 'vae', dequantize: 'vae', normalization: 'vae', fallback: 'cpu' },
};

export const backend = {
  specVersion: BACKEND_SPEC_VERSION,
  name: 'toy-npu-backend',
  marches: ['toy-npu'],
  description: 'a test backend',
  capabilities: loweringCapabilities(policy),
  options: [],
  convert: (qat, march) => ({
    kind: 'quantized',
    graph: lowerToInteger(qat.graph, policy, march).graph,
    metadata: { ...qat.metadata },
  }),
};

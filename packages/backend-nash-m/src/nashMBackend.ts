import { BACKEND_SPEC_VERSION, type Backend, loweringCapabilities, lowerToInteger } from '@qtk/backend';
import { nashMPolicy } from './nashMPolicy.js';

/** The nash-e / nash-m backend (J6E, J6M). */
export const backend: Backend = {
  specVersion: BACKEND_SPEC_VERSION,
  name: '@qtk/backend-nash-m',
  marches: ['nash-e', 'nash-m'],
  description:
    'Horizon Robotics J6E/J6M: integer-only GEMM outputs (requantized int8/int16, or int32 with a host dequantize).',
  capabilities: loweringCapabilities(nashMPolicy),
  options: [],
  convert(qat, march) {
    const { graph, warnings } = lowerToInteger(qat.graph, nashMPolicy, march);
    return {
      kind: 'quantized',
      graph,
      metadata: { ...qat.metadata },
      sections: { 'qtk.convert': new TextEncoder().encode(JSON.stringify({ version: 1, warnings })) },
    };
  },
};

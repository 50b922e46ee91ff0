import { BACKEND_SPEC_VERSION, type Backend, loweringCapabilities, lowerToInteger } from '@qtk/backend';
import { nashHIntegerConvPolicy, nashHPolicy } from './nashHPolicy.js';

/** The nash-h / nash-p backend (J6H, J6P). */
export const backend: Backend = {
  specVersion: BACKEND_SPEC_VERSION,
  name: '@qtk/backend-nash-h',
  marches: ['nash-h', 'nash-p'],
  description:
    'Horizon Robotics J6H/J6P: GEMMs can write float32 (high-precision outputs), or int32 as nash-m with integerConv.',
  capabilities: loweringCapabilities(nashHPolicy),
  options: [
    {
      name: 'integerConv',
      type: 'boolean',
      default: false,
      description:
        "convert as nash-m does: int32 GEMM outputs, a host dequantize, rescales (the article's _integer_conv)",
    },
  ],
  convert(qat, march, options) {
    const policy = options.integerConv === true ? nashHIntegerConvPolicy : nashHPolicy;
    const { graph, warnings } = lowerToInteger(qat.graph, policy, march);
    return {
      kind: 'quantized',
      graph,
      metadata: { ...qat.metadata },
      sections: { 'qtk.convert': new TextEncoder().encode(JSON.stringify({ version: 1, warnings })) },
    };
  },
};

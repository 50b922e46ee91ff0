import { PASSTHROUGH_OPS } from '@qtk/qconfig';
import type { BackendCapabilities, OpCapability } from '../BackendCapabilities.js';
import type { LoweringPolicy } from './LoweringPolicy.js';

const INT = ['int8', 'int16'];

/** What {@link lowerToInteger} emits under a policy, as a backend's capabilities. */
export function loweringCapabilities(policy: LoweringPolicy): BackendCapabilities {
  const u = policy.units;
  const qtk = (op: string, unit: OpCapability['unit'], dtypes = INT): OpCapability => ({
    op,
    domain: 'qtk',
    unit,
    dtypes,
  });
  return {
    ops: [
      qtk('Linear', u.gemm),
      qtk('Conv', u.gemm),
      qtk('MatMul', u.gemm),
      qtk('Quantize', u.quantize, ['float32']),
      qtk('Dequantize', u.dequantize, ['int8', 'int16', 'int32']),
      qtk('Rescale', u.vector, ['int8', 'int16', 'int32']),
      qtk('Add', u.vector),
      qtk('Sub', u.vector),
      qtk('Mul', u.vector),
      qtk('Lut', u.vector, ['int8']),
      qtk('SegmentLut', u.vector, ['int16']),
      qtk('LayerNorm', u.normalization),
      qtk('Softmax', u.normalization),
      qtk('GlobalAveragePool', u.vector),
      qtk('ReduceMean', u.vector),
      ...[...PASSTHROUGH_OPS].map((op): OpCapability => ({ op, domain: '', unit: u.vector, dtypes: INT })),
    ],
    gemmOutputDtypes: ['int8', 'int16', policy.highPrecisionGemmOutput],
  };
}

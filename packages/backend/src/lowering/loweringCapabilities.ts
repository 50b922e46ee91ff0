import type { BackendCapabilities, OpCapability } from '../BackendCapabilities.js';
import { integerOp } from './defaultLowerings.js';
import type { LoweringPolicy } from './LoweringPolicy.js';
import { loweringTable } from './loweringTable.js';

/**
 * What {@link lowerToInteger} emits under a policy, as a backend's capabilities: the ops every
 * entry of its lowering table may emit, plus the quantization boundaries every conversion has.
 */
export function loweringCapabilities(policy: LoweringPolicy): BackendCapabilities {
  const u = policy.units;
  const seen = new Set<string>();
  const ops: OpCapability[] = [];
  const add = (c: OpCapability) => {
    const key = `${c.domain}::${c.op}`;
    if (seen.has(key)) return;
    seen.add(key);
    ops.push(c);
  };
  add(integerOp('Quantize', u.quantize, ['float32']));
  add(integerOp('Dequantize', u.dequantize, ['int8', 'int16', 'int32']));
  add(integerOp('Rescale', u.vector, ['int8', 'int16', 'int32']));
  for (const lowering of loweringTable(policy).values()) for (const c of lowering.emits(policy)) add(c);
  return { ops, gemmOutputDtypes: ['int8', 'int16', policy.highPrecisionGemmOutput] };
}

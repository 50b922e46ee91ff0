import { coreOps } from '@qtk/ir';
import { defaultLowerings, INTEGER_ACTIVATIONS } from './defaultLowerings.js';
import type { LoweringPolicy } from './LoweringPolicy.js';
import { lowerPassthrough } from './lowerPassthrough.js';
import type { OpLowering } from './OpLowering.js';

/** The lowering of a passthrough op: the same op on the integers, on the vector unit. */
function passthrough(op: string): OpLowering {
  return {
    lower: lowerPassthrough,
    emits: (p) => [{ op, domain: '', unit: p.units.vector, dtypes: INTEGER_ACTIVATIONS }],
  };
}

/**
 * The lowering of each op type under `policy`: every core op whose definition makes it
 * `passthrough` runs on integers as it is, then {@link defaultLowerings}, then the policy's own
 * entries (which replace, add, or with `null` remove an entry).
 */
export function loweringTable(policy: LoweringPolicy): ReadonlyMap<string, OpLowering> {
  const table = new Map<string, OpLowering>();
  for (const def of coreOps) if (def.traits.quantRole === 'passthrough') table.set(def.op, passthrough(def.op));
  for (const [op, lowering] of Object.entries(defaultLowerings)) table.set(op, lowering);
  for (const [op, lowering] of Object.entries(policy.lowerings ?? {})) {
    if (lowering) table.set(op, lowering);
    else table.delete(op);
  }
  return table;
}

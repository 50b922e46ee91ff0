import type { Node } from '@qtk/ir';
import type { OpCapability } from '../BackendCapabilities.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringPolicy } from './LoweringPolicy.js';

/**
 * What a lowering made of a node: `true` when it emitted the node's integer form; `false` when this
 * node does not fit (its inputs are float, its scales per channel, an attribute outside what the
 * integer op computes), or a sentence saying why, and the node then runs in float32 on the CPU.
 */
export type LoweringOutcome = boolean | string;

/**
 * How one op of a calibrated QAT graph becomes integer ops. The lowerings are a table keyed by op
 * ({@link defaultLowerings}); a backend's {@link LoweringPolicy} overrides or extends it entry by
 * entry, and the backend's capabilities are derived from the table ({@link loweringCapabilities}).
 */
export interface OpLowering {
  /** Emits the node's integer form into `ctx` and records what its outputs became. */
  lower(ctx: LoweringContext, node: Node): LoweringOutcome;
  /** The ops this lowering may emit under `policy`, with their units and activation dtypes. */
  emits(policy: LoweringPolicy): readonly OpCapability[];
}

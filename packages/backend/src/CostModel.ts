import type { Graph, Node } from '@qtk/ir';
import type { HardwareUnit } from './HardwareUnit.js';

/** The estimated cost of one converted op. */
export interface OpCost {
  readonly unit: HardwareUnit;
  /** Time on its unit, in microseconds. */
  readonly microseconds: number;
  /** Bytes it moves to and from DDR. */
  readonly ddrBytes: number;
}

/**
 * Estimates what a converted graph costs on a march, op by op, in the spirit of the vendor's
 * `hbm_perf`. The performance work builds latency, FPS and timelines on it; a backend may leave it
 * out until then.
 */
export interface CostModel {
  estimate(node: Node, graph: Graph): OpCost;
}

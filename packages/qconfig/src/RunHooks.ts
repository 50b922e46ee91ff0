import type { Node, Tensor } from '@qtk/ir';

/**
 * What a graph runner reports after each node, and the hook that sees it. These mirror
 * `@qtk/simulator`'s `RunHooks` structurally, so a prepared model's hooks plug into
 * `runGraph(graph, feeds, { hooks })` without this package depending on the simulator.
 */
export interface NodeRunEvent {
  readonly node: Node;
  readonly inputs: readonly (Tensor | null)[];
  readonly outputs: readonly Tensor[];
}

/** Hooks a graph runner calls; `afterNode` may return replacement outputs. */
export interface RunHooks {
  afterNode?(event: NodeRunEvent): readonly Tensor[] | undefined;
}

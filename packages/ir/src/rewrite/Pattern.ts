import type { Node } from '../graph/Node.js';
import type { Value } from '../graph/Value.js';

/** Matches a value computed by a node of a given op, whose inputs match sub-patterns. */
export interface OpPattern {
  readonly kind: 'op';
  /** One op type or several alternatives. */
  readonly op: string | readonly string[];
  readonly domain?: string;
  /** Patterns for the node's inputs, in order; fewer patterns than inputs leaves the rest free. */
  readonly inputs: readonly Pattern[];
  /** Name under which the node is captured. */
  readonly capture?: string;
  /**
   * For a node below the root: its output may have no reader outside the match (default true),
   * so that fusing it away loses nothing.
   */
  readonly oneUse?: boolean;
  /** Try the first two inputs in both orders (Add, Mul). */
  readonly commutative?: boolean;
  /** Extra condition on the node. */
  readonly where?: (node: Node) => boolean;
}

/** Matches any value (a leaf of the pattern), optionally only constants. */
export interface ValuePattern {
  readonly kind: 'value';
  readonly capture?: string;
  readonly constant?: boolean;
  readonly where?: (value: Value) => boolean;
}

/** A tree pattern over the graph, rooted at a node. */
export type Pattern = OpPattern | ValuePattern;

/** Options of {@link opPattern}. */
export type OpPatternOptions = Omit<OpPattern, 'kind' | 'op' | 'inputs'>;

/** A node of type `op` (or one of several) whose inputs match `inputs`. */
export function opPattern(
  op: string | readonly string[],
  inputs: readonly Pattern[],
  options: OpPatternOptions = {},
): OpPattern {
  return { kind: 'op', op, inputs, ...options };
}

/** Any value, captured as `capture`. */
export function anyValue(capture?: string, where?: (value: Value) => boolean): ValuePattern {
  return { kind: 'value', ...(capture ? { capture } : {}), ...(where ? { where } : {}) };
}

/** A constant value (an initializer), captured as `capture`. */
export function constantValue(capture?: string, where?: (value: Value) => boolean): ValuePattern {
  return { kind: 'value', constant: true, ...(capture ? { capture } : {}), ...(where ? { where } : {}) };
}

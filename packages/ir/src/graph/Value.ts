import type { Tensor } from '../tensor/Tensor.js';
import type { Node } from './Node.js';
import type { TensorType } from './TensorType.js';

/** One place a value is read: input `index` of `node`. */
export interface Use {
  readonly node: Node;
  readonly index: number;
}

/**
 * A tensor-valued edge of the graph: a graph input, a constant (initializer) or a node output.
 * Values are created by their {@link Graph}; use the graph's methods to rewire them.
 */
export class Value {
  /** Unique within its graph; change it with {@link Graph.renameValue}. */
  name: string;
  type: TensorType;
  /** The node that computes it; `undefined` for graph inputs and constants. */
  producer: Node | undefined;
  /** Its data, when it is a constant (an initializer). */
  constant: Tensor | undefined;
  /** @internal kept in sync by Graph and Node */
  readonly usesList: Use[] = [];

  /** @internal use {@link Graph} to create values */
  constructor(name: string, type: TensorType, constant?: Tensor) {
    this.name = name;
    this.type = type;
    this.producer = undefined;
    this.constant = constant;
  }

  /** Where this value is read, in insertion order. */
  get uses(): readonly Use[] {
    return this.usesList;
  }

  /** True when it holds constant data. */
  get isConstant(): boolean {
    return this.constant !== undefined;
  }
}

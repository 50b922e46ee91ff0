import type { Attributes } from '../graph/Attribute.js';
import type { Graph } from '../graph/Graph.js';
import type { Value } from '../graph/Value.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { Module } from './Module.js';
import { SymbolicTensor } from './SymbolicTensor.js';

/**
 * Records the ops a module's forward performs into a graph. One tracer lives for one
 * {@link trace} call; modules find it through the symbolic tensors they receive.
 */
export class Tracer {
  readonly graph: Graph;
  readonly #paths: Map<Module, string>;
  readonly #constants = new Map<Tensor, Value>();
  readonly #scopes: string[] = [];

  constructor(graph: Graph, paths: Map<Module, string>) {
    this.graph = graph;
    this.#paths = paths;
  }

  /** The module path of the innermost module being called (`''` for the root). */
  get scope(): string {
    return this.#scopes[this.#scopes.length - 1] ?? '';
  }

  /** Runs `body` with `module`'s path as the current scope. */
  within<T>(module: Module, body: () => T): T {
    this.#scopes.push(this.#paths.get(module) ?? this.scope);
    try {
      return body();
    } finally {
      this.#scopes.pop();
    }
  }

  /** The graph constant holding `tensor` (one per tensor, however often it is used). */
  constant(tensor: Tensor, name: string): Value {
    let v = this.#constants.get(tensor);
    if (!v) {
      v = this.graph.addConstant(name, tensor);
      this.#constants.set(tensor, v);
    }
    return v;
  }

  /**
   * Adds one node for the current scope. A leaf module's node takes the module's path as its name
   * (`linear1`); ops called from a composite module's forward are named `scope.op`.
   */
  emit(
    op: string,
    inputs: readonly (SymbolicTensor | Value | null)[],
    attrs: Attributes = {},
    leaf = false,
    outputs = 1,
  ): SymbolicTensor[] {
    const scope = this.scope;
    const base = leaf && scope ? scope : scope ? `${scope}.${op.toLowerCase()}` : op.toLowerCase();
    const node = this.graph.addNode({
      op,
      name: base,
      inputs: inputs.map((i) => (i instanceof SymbolicTensor ? i.value : i)),
      attrs,
      outputs: outputs === 1 ? [base] : Array.from({ length: outputs }, (_, k) => `${base}_${k}`),
    });
    return node.outputs.map((v) => new SymbolicTensor(this, v));
  }
}

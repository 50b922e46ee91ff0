import { QtkError } from '../errors/QtkError.js';
import { opRegistry } from '../ops/globalOpRegistry.js';
import type { OpRegistry } from '../ops/OpRegistry.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { Attributes } from './Attribute.js';
import { Node } from './Node.js';
import type { TensorType } from './TensorType.js';
import { Value } from './Value.js';

/** How {@link Graph.addNode} creates a node. */
export interface NodeSpec {
  op: string;
  /** Defaults to a fresh name derived from `op`. Made unique when taken. */
  name?: string;
  domain?: string;
  inputs: readonly (Value | null)[];
  attrs?: Attributes;
  /**
   * Output value names (made unique when taken), or their count. Defaults to one output named
   * after the node. Types are inferred from the op definition.
   */
  outputs?: readonly string[] | number;
  /**
   * Output types to trust instead of inferring them (a loader restoring a saved graph whose ops
   * may come from a package not loaded yet); {@link verifyGraph} checks them later.
   */
  outputTypes?: readonly TensorType[];
  /** Put the node right before this one instead of at the end. */
  before?: Node;
}

/**
 * A computation graph: graph inputs, constants (initializers), nodes in a valid order, outputs.
 *
 * Graphs are mutable so that passes can rewrite them in place; every mutation goes through the
 * graph's methods, which keep use lists, names and types consistent. Node order is a topological
 * order as long as passes insert nodes with `before` or call {@link Graph.sortTopologically}.
 */
export class Graph {
  name: string;
  /** Free-form provenance (producer, source file, opset) shown by inspect and kept by the artifact. */
  readonly metadata: Record<string, string> = {};
  readonly registry: OpRegistry;
  readonly #values = new Map<string, Value>();
  readonly #nodeNames = new Set<string>();
  #nodes: Node[] = [];
  #inputs: Value[] = [];
  #outputs: Value[] = [];

  constructor(name = 'main', registry: OpRegistry = opRegistry) {
    this.name = name;
    this.registry = registry;
  }

  get nodes(): readonly Node[] {
    return this.#nodes;
  }

  get inputs(): readonly Value[] {
    return this.#inputs;
  }

  get outputs(): readonly Value[] {
    return this.#outputs;
  }

  /** Every value: inputs, constants and node outputs. */
  get values(): IterableIterator<Value> {
    return this.#values.values();
  }

  /** The constant (initializer) values, in creation order. */
  get constants(): Value[] {
    return [...this.#values.values()].filter((v) => v.constant !== undefined);
  }

  /** The value called `name`, or `undefined`. */
  findValue(name: string): Value | undefined {
    return this.#values.get(name);
  }

  /** The value called `name`; an error when there is none. */
  value(name: string): Value {
    const v = this.#values.get(name);
    if (!v) throw new QtkError('graph.unknown-value', `graph '${this.name}' has no value '${name}'`);
    return v;
  }

  /** The node called `name`, or `undefined`. */
  findNode(name: string): Node | undefined {
    return this.#nodes.find((n) => n.name === name);
  }

  /** `base`, or `base_1`, `base_2`, ... whichever is free among value names. */
  uniqueValueName(base: string): string {
    return uniqueName(base, (n) => this.#values.has(n));
  }

  /** `base`, or `base_1`, `base_2`, ... whichever is free among node names. */
  uniqueNodeName(base: string): string {
    return uniqueName(base, (n) => this.#nodeNames.has(n));
  }

  /** Adds a graph input. */
  addInput(name: string, type: TensorType): Value {
    const v = this.#newValue(name, type, undefined);
    this.#inputs.push(v);
    return v;
  }

  /** Adds a constant (initializer) value; the name is made unique when taken. */
  addConstant(name: string, tensor: Tensor): Value {
    return this.#newValue(this.uniqueValueName(name), { dtype: tensor.dtype, shape: tensor.shape }, tensor);
  }

  /** Adds a node, infers its output types, and returns it. */
  addNode(spec: NodeSpec): Node {
    const name = this.uniqueNodeName(spec.name ?? spec.op);
    const node = new Node(name, spec.op, spec.domain ?? '', spec.attrs ?? {});
    spec.inputs.forEach((v, i) => {
      if (v && this.#values.get(v.name) !== v) {
        throw new QtkError(
          'graph.foreign-value',
          `node '${name}': input '${v.name}' does not belong to graph '${this.name}'`,
        );
      }
      node.setInput(i, v);
    });
    const outputNames =
      typeof spec.outputs === 'number'
        ? Array.from({ length: spec.outputs }, (_, i) => (spec.outputs === 1 ? name : `${name}_${i}`))
        : (spec.outputs ?? [name]);
    const placeholder: TensorType = { dtype: 'float32', shape: [] };
    for (const outName of outputNames) {
      const v = this.#newValue(this.uniqueValueName(outName), placeholder, undefined);
      v.producer = node;
      node.outputList.push(v);
    }
    this.#nodeNames.add(name);
    const at = spec.before ? this.#nodes.indexOf(spec.before) : -1;
    if (at >= 0) this.#nodes.splice(at, 0, node);
    else this.#nodes.push(node);
    if (spec.outputTypes) {
      if (spec.outputTypes.length !== node.outputs.length) {
        this.removeNode(node);
        throw new QtkError(
          'graph.output-types',
          `node '${name}': ${spec.outputTypes.length} output types for ${node.outputs.length} outputs`,
        );
      }
      spec.outputTypes.forEach((t, i) => {
        (node.outputs[i] as Value).type = t;
      });
      return node;
    }
    try {
      this.inferNode(node);
    } catch (e) {
      this.removeNode(node);
      throw e;
    }
    return node;
  }

  /** Recomputes a node's output types from its inputs (after a pass changed an input). */
  inferNode(node: Node): void {
    const types = this.registry.inferTypes(node);
    types.forEach((t, i) => {
      (node.outputs[i] as Value).type = t;
    });
  }

  /** Re-infers every node's output types in order. */
  inferAll(): void {
    for (const node of this.#nodes) this.inferNode(node);
  }

  /** Sets the graph outputs. */
  setOutputs(values: readonly Value[]): void {
    for (const v of values) {
      if (this.#values.get(v.name) !== v) {
        throw new QtkError('graph.foreign-value', `output '${v.name}' does not belong to graph '${this.name}'`);
      }
    }
    this.#outputs = [...values];
  }

  /** Renames a value (a graph output gets the name the user asked for). */
  renameValue(value: Value, name: string): void {
    if (value.name === name) return;
    if (this.#values.has(name)) throw new QtkError('graph.name-taken', `value name '${name}' is taken`);
    this.#values.delete(value.name);
    value.name = name;
    this.#values.set(name, value);
  }

  /** Renames a node. */
  renameNode(node: Node, name: string): void {
    if (node.name === name) return;
    if (this.#nodeNames.has(name)) throw new QtkError('graph.name-taken', `node name '${name}' is taken`);
    this.#nodeNames.delete(node.name);
    node.name = name;
    this.#nodeNames.add(name);
  }

  /** Makes every reader of `from` (nodes and graph outputs) read `to` instead. */
  replaceAllUses(from: Value, to: Value): void {
    if (from === to) return;
    for (const use of [...from.uses]) use.node.setInput(use.index, to);
    this.#outputs = this.#outputs.map((v) => (v === from ? to : v));
  }

  /**
   * Removes a node. Its inputs lose it as a reader; its outputs are dropped, so they must be unused
   * (rewire them with {@link replaceAllUses} first).
   */
  removeNode(node: Node): void {
    for (const out of node.outputs) {
      if (out.uses.length > 0 || this.#outputs.includes(out)) {
        throw new QtkError(
          'graph.value-in-use',
          `cannot remove node '${node.name}': its output '${out.name}' is still used`,
        );
      }
    }
    for (let i = 0; i < node.inputs.length; i++) node.setInput(i, null);
    for (const out of node.outputs) this.#values.delete(out.name);
    this.#nodes = this.#nodes.filter((n) => n !== node);
    this.#nodeNames.delete(node.name);
  }

  /** Removes a constant or graph input that nothing reads. */
  removeValue(value: Value): void {
    if (value.producer)
      throw new QtkError('graph.value-in-use', `value '${value.name}' is produced by a node; remove the node`);
    if (value.uses.length > 0 || this.#outputs.includes(value)) {
      throw new QtkError('graph.value-in-use', `value '${value.name}' is still used`);
    }
    this.#values.delete(value.name);
    this.#inputs = this.#inputs.filter((v) => v !== value);
  }

  /**
   * Removes nodes whose outputs nobody reads and constants nobody reads; graph inputs stay.
   * Returns the number of nodes removed.
   */
  removeDeadCode(): number {
    let removed = 0;
    for (let i = this.#nodes.length - 1; i >= 0; i--) {
      const node = this.#nodes[i] as Node;
      if (node.outputs.every((o) => o.uses.length === 0 && !this.#outputs.includes(o))) {
        this.removeNode(node);
        removed++;
      }
    }
    for (const c of this.constants) {
      if (c.uses.length === 0 && !this.#outputs.includes(c)) this.removeValue(c);
    }
    return removed;
  }

  /**
   * Reorders nodes topologically, keeping the current order wherever it is already valid (so a
   * graph's order is stable across passes). Throws, naming a node, when there is a cycle.
   */
  sortTopologically(): void {
    const pending = new Map<Node, number>();
    for (const n of this.#nodes) {
      pending.set(n, n.inputs.filter((v) => v?.producer).length);
    }
    const position = new Map(this.#nodes.map((n, i) => [n, i]));
    const ready = this.#nodes.filter((n) => pending.get(n) === 0);
    const order: Node[] = [];
    while (ready.length > 0) {
      ready.sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
      const n = ready.shift() as Node;
      order.push(n);
      for (const out of n.outputs) {
        for (const use of out.uses) {
          const left = (pending.get(use.node) as number) - 1;
          pending.set(use.node, left);
          if (left === 0) ready.push(use.node);
        }
      }
    }
    if (order.length !== this.#nodes.length) {
      const stuck = this.#nodes.find((n) => !order.includes(n)) as Node;
      throw new QtkError('graph.cycle', `graph '${this.name}' has a cycle through node '${stuck.name}' (${stuck.op})`);
    }
    this.#nodes = order;
  }

  #newValue(name: string, type: TensorType, constant: Tensor | undefined): Value {
    if (this.#values.has(name)) {
      throw new QtkError('graph.name-taken', `value name '${name}' is taken in graph '${this.name}'`);
    }
    const v = new Value(name, type, constant);
    this.#values.set(name, v);
    return v;
  }
}

function uniqueName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 1; ; i++) {
    const candidate = `${base}_${i}`;
    if (!taken(candidate)) return candidate;
  }
}

import { type Attributes, type Graph, type Node, QtkError, type Tensor, type Value } from '@qtk/ir';
import type { DecodedNode, DecodedTensor } from '../schema/DecodedModel.js';
import type { NodeOrigins } from './naming/NodeOrigins.js';
import { OnnxAttributes } from './OnnxAttributes.js';

/** What the graph builder shares with every node's import. */
export interface GraphImportState {
  readonly graph: Graph;
  /** ONNX value names to the qtk values that hold them. */
  readonly values: Map<string, Value>;
  /** ONNX value names something reads (node inputs and graph outputs). */
  readonly used: ReadonlySet<string>;
  /** Every value name of the ONNX graph, so that names qtk makes up never take one. */
  readonly reserved: ReadonlySet<string>;
  readonly origins: NodeOrigins;
  readTensor(t: DecodedTensor, what: string): Tensor;
}

/**
 * One ONNX node being turned into qtk nodes: typed access to its inputs and attributes, and the
 * ways to add what it becomes. Errors name the node, its op type and the opset.
 */
export class NodeImportContext {
  readonly attrs: OnnxAttributes;
  readonly #state: GraphImportState;

  /**
   * @param name the ONNX node name, or its op type when it has none
   * @param opset the model's version of the node's operator set
   */
  constructor(
    readonly node: DecodedNode,
    readonly name: string,
    readonly opset: number,
    state: GraphImportState,
  ) {
    this.#state = state;
    this.attrs = new OnnxAttributes(node.attribute, this.#where());
  }

  get op(): string {
    return this.node.op_type ?? '';
  }

  get graph(): Graph {
    return this.#state.graph;
  }

  /** Number of inputs the node lists, absent optional ones (`''`) included. */
  get inputCount(): number {
    return this.node.input.length;
  }

  /** Number of outputs the node lists. */
  get outputCount(): number {
    return this.node.output.length;
  }

  /** Input `i`, or `null` when absent. */
  input(i: number): Value | null {
    const name = this.node.input[i];
    if (!name) return null;
    return this.#state.values.get(name) ?? this.fail(`input '${name}' is not defined`);
  }

  /** Input `i`, which must be present. */
  requireInput(i: number, what = `input ${i}`): Value {
    return this.input(i) ?? this.fail(`${what} is missing`);
  }

  /** The constant data of input `i`, when it is a constant. */
  constant(i: number): Tensor | undefined {
    return this.input(i)?.constant;
  }

  /** A tensor attribute's data. */
  tensorAttribute(name: string): Tensor | undefined {
    const t = this.attrs.tensor(name);
    return t && this.#state.readTensor(t, `${this.#where()}: attribute '${name}'`);
  }

  /** Adds a constant that stands for an attribute the core op takes as an input (`Split`'s `split`). */
  constantInput(role: string, tensor: Tensor): Value {
    return this.graph.addConstant(this.freshValueName(`${this.name}/${role}`), tensor);
  }

  /** A value name no ONNX value and no qtk value has. */
  freshValueName(base: string): string {
    let candidate = this.graph.uniqueValueName(base);
    for (let k = 1; this.#state.reserved.has(candidate); k++) {
      candidate = this.graph.uniqueValueName(`${base}_${k}`);
    }
    return candidate;
  }

  /**
   * Adds the qtk node the ONNX node becomes; its outputs take the names of the node's first
   * `outputs` outputs, which later nodes then read.
   */
  emit(op: string, inputs: readonly (Value | null)[], attrs: Attributes = {}, outputs = 1): Node {
    const names = this.node.output.slice(0, outputs);
    if (names.length !== outputs || names.some((n) => !n)) this.fail(`needs ${outputs} named outputs`);
    const node = this.graph.addNode({ op, name: this.name, inputs, attrs, outputs: names });
    this.#state.origins.set(node, [this.name]);
    node.outputs.forEach((v, k) => {
      if (v.name !== names[k]) this.fail(`output '${names[k]}' is already defined`);
      this.#state.values.set(v.name, v);
    });
    return node;
  }

  /**
   * Adds a node that helps express the ONNX node in core ops (a Reshape around a legacy Softmax)
   * and returns its output, under a fresh name.
   */
  emitHelper(op: string, inputs: readonly (Value | null)[], attrs: Attributes = {}): Value {
    const origin = `${this.name}/${op}`;
    const node = this.graph.addNode({
      op,
      name: origin,
      inputs,
      attrs,
      outputs: [this.freshValueName(`${this.node.output[0] ?? this.name}/${op}`)],
    });
    this.#state.origins.set(node, [origin]);
    return node.output();
  }

  /** Makes output `i` the constant `tensor`, named as the output (Constant nodes, folding). */
  bindConstant(i: number, tensor: Tensor): Value {
    const name = this.node.output[i] ?? this.fail(`has no output ${i}`);
    const v = this.graph.addConstant(name, tensor);
    if (v.name !== name) this.fail(`output '${name}' is already defined`);
    this.#state.values.set(name, v);
    return v;
  }

  /** How many leading outputs are needed so that every used output is kept (at least 1). */
  usedOutputCount(): number {
    let n = 1;
    this.node.output.forEach((name, k) => {
      if (name && this.#state.used.has(name)) n = Math.max(n, k + 1);
    });
    return n;
  }

  /** Fails unless outputs from `count` on (optional ones the core op lacks) are absent or unused. */
  requireUnusedOutputsFrom(count: number, what: string): void {
    this.node.output.slice(count).forEach((name, k) => {
      if (name && this.#state.used.has(name)) {
        this.unsupported(`output ${count + k} ('${name}', ${what}) is used; qtk imports only the first ${count}`);
      }
    });
  }

  /** A user error about this node's content (a missing input, an attribute of the wrong size). */
  fail(message: string): never {
    throw new QtkError('onnx.node', `${this.#where()}: ${message}`);
  }

  /** The node uses a feature of its op qtk does not import. */
  unsupported(message: string): never {
    throw new QtkError('onnx.unsupported', `${this.#where()}: ${message}`);
  }

  #where(): string {
    return `node '${this.name}' (${this.op}, opset ${this.opset})`;
  }
}

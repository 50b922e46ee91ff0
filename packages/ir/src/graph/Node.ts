import { QtkError } from '../errors/QtkError.js';
import type { Attributes, AttributeValue } from './Attribute.js';
import type { Value } from './Value.js';

/**
 * An operation in a graph: an op type (in a domain), inputs, outputs and attributes.
 *
 * `name` is what a user recognizes (`linear1`, `/layer1/conv/Conv`); it is unique within the graph.
 * Inputs may be `null` where an optional input is absent. Use {@link Graph} to create nodes and
 * {@link Node.setInput} to rewire them, so that use lists stay correct.
 */
export class Node {
  /** Unique within its graph; change it with {@link Graph.renameNode}. */
  name: string;
  readonly op: string;
  /** Op domain; `''` is qtk's core op set. Backends register ops in domains of their own. */
  readonly domain: string;
  attrs: Attributes;
  /**
   * Facts about the node that do not change what it computes: the hardware `unit` a backend
   * places it on (`tae`, `vae`, `vpu`, `cpu`), `fallback` when a float op runs on the CPU, ...
   * Kept by artifacts, shown by dumps and visualize, ignored by verification and kernels.
   */
  annotations: Record<string, string> = {};
  /** @internal */
  readonly inputList: (Value | null)[] = [];
  /** @internal */
  readonly outputList: Value[] = [];

  /** @internal use {@link Graph.addNode} */
  constructor(name: string, op: string, domain: string, attrs: Attributes) {
    this.name = name;
    this.op = op;
    this.domain = domain;
    this.attrs = attrs;
  }

  get inputs(): readonly (Value | null)[] {
    return this.inputList;
  }

  get outputs(): readonly Value[] {
    return this.outputList;
  }

  /** `op` qualified by its domain when it has one: `qtk.nash::Rescale`. */
  get qualifiedOp(): string {
    return this.domain ? `${this.domain}::${this.op}` : this.op;
  }

  /** Input `index`, which must be present. */
  input(index: number): Value {
    const v = this.inputList[index];
    if (!v) throw new QtkError('graph.missing-input', `node '${this.name}' (${this.op}) has no input ${index}`);
    return v;
  }

  /** Output `index`. */
  output(index = 0): Value {
    const v = this.outputList[index];
    if (!v) throw new QtkError('graph.missing-output', `node '${this.name}' (${this.op}) has no output ${index}`);
    return v;
  }

  /** Rewires input `index` to `value` (or removes it with `null`), keeping use lists right. */
  setInput(index: number, value: Value | null): void {
    const old = this.inputList[index];
    if (old) {
      const k = old.usesList.findIndex((u) => u.node === this && u.index === index);
      if (k >= 0) old.usesList.splice(k, 1);
    }
    while (this.inputList.length <= index) this.inputList.push(null);
    this.inputList[index] = value;
    if (value) value.usesList.push({ node: this, index });
  }

  /** The attribute's value as set on the node, or `undefined`. Defaults live in the op definition. */
  getAttr(name: string): AttributeValue | undefined {
    return this.attrs[name];
  }
}

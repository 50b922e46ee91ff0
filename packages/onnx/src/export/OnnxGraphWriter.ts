import type { AttributeValue, Graph, Node, Tensor, Value } from '@qtk/ir';
import type { onnx } from '../schema/generated/onnx.js';
import type { ExportContext, OnnxNodeSpec } from './ExportContext.js';
import { encodeAttribute } from './encodeAttribute.js';
import { encodeTensor } from './encodeTensor.js';

function byName(a: { name?: string | null }, b: { name?: string | null }): number {
  const x = a.name ?? '';
  const y = b.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Collects the nodes and initializers of an ONNX graph as lowerings write them. */
export class OnnxGraphWriter implements ExportContext {
  readonly nodes: onnx.NodeProto.$Properties[] = [];
  readonly opsets = new Map<string, number>();
  readonly #valueNames = new Set<string>();
  readonly #nodeNames = new Set<string>();
  readonly #constantsRead = new Set<Value>();
  readonly #derived: onnx.TensorProto.$Properties[] = [];

  constructor(
    readonly graph: Graph,
    readonly opset: number,
  ) {
    for (const v of graph.values) this.#valueNames.add(v.name);
    for (const n of graph.nodes) this.#nodeNames.add(n.name);
    this.opsets.set('', opset);
  }

  valueName(value: Value | null): string {
    if (!value) return '';
    if (value.constant) this.#constantsRead.add(value);
    return value.name;
  }

  freshValueName(base: string): string {
    return this.#fresh(base, this.#valueNames);
  }

  freshNodeName(base: string): string {
    return this.#fresh(base, this.#nodeNames);
  }

  addInitializer(base: string, tensor: Tensor): string {
    const name = this.freshValueName(base);
    this.#derived.push(encodeTensor(name, tensor));
    return name;
  }

  emit(node: OnnxNodeSpec): void {
    const inputs = [...node.inputs];
    // Trailing absent optional inputs are simply left out, as exporters usually do.
    while (inputs.length > 0 && inputs[inputs.length - 1] === '') inputs.pop();
    this.nodes.push({
      name: node.name,
      op_type: node.op,
      ...(node.domain ? { domain: node.domain } : {}),
      input: inputs,
      output: [...node.outputs],
      attribute: [...(node.attributes ?? [])].sort(byName),
      ...(node.docString ? { doc_string: node.docString } : {}),
    });
  }

  attributesOf(node: Node, rename: Readonly<Record<string, string | null>> = {}): onnx.AttributeProto.$Properties[] {
    const out: onnx.AttributeProto.$Properties[] = [];
    for (const [name, value] of Object.entries(node.attrs)) {
      const onnxName = rename[name] === undefined ? name : rename[name];
      if (onnxName === null) continue;
      out.push(this.attribute(node, name, value, onnxName));
    }
    return out.sort(byName);
  }

  attribute(node: Node, name: string, value: AttributeValue, onnxName = name): onnx.AttributeProto.$Properties {
    const spec = this.graph.registry.definitionOf(node).attributes[name];
    if (!spec) throw new Error(`node '${node.name}' (${node.op}) has no attribute '${name}' in its definition`);
    return encodeAttribute(onnxName, spec.kind, value);
  }

  useOpset(domain: string, version: number): void {
    this.opsets.set(domain, Math.max(version, this.opsets.get(domain) ?? 0));
  }

  /**
   * The initializers: constants written as they are, in the graph's order, then the tensors
   * lowerings derived, in the order they were made.
   */
  initializers(): onnx.TensorProto.$Properties[] {
    const asIs = this.graph.constants.filter((v) => this.#constantsRead.has(v));
    return [...asIs.map((v) => encodeTensor(v.name, v.constant as Tensor)), ...this.#derived];
  }

  #fresh(base: string, taken: Set<string>): string {
    let name = base;
    for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  }
}

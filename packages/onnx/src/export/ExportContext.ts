import type { AttributeValue, Graph, Node, Tensor, Value } from '@qtk/ir';
import type { onnx } from '../schema/generated/onnx.js';

/** One ONNX node to write. */
export interface OnnxNodeSpec {
  readonly op: string;
  /** Operator set domain; `''` (the default) is the standard one. */
  readonly domain?: string;
  readonly name: string;
  /** Value names; `''` for an absent optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: readonly onnx.AttributeProto.$Properties[];
  /** The node's `doc_string` (viewers show it as the node's description). */
  readonly docString?: string;
}

/** What a {@link NodeLowering} writes through: names, initializers, nodes. */
export interface ExportContext {
  readonly graph: Graph;
  /** Version of the standard operator set being written. */
  readonly opset: number;
  /** The ONNX name of a value (`''` for an absent input); a constant read this way is written as it is. */
  valueName(value: Value | null): string;
  /** A value name nothing else uses, derived from `base`. */
  freshValueName(base: string): string;
  /** A node name nothing else uses, derived from `base`. */
  freshNodeName(base: string): string;
  /** Writes a tensor the lowering derived (a transposed weight, a scalar) and returns its name. */
  addInitializer(base: string, tensor: Tensor): string;
  /** Writes a node. */
  emit(node: OnnxNodeSpec): void;
  /**
   * The attributes `node` sets, typed by its op definition, sorted by name; `rename` maps qtk
   * names to ONNX ones, and attributes mapped to `null` are left out.
   */
  attributesOf(node: Node, rename?: Readonly<Record<string, string | null>>): onnx.AttributeProto.$Properties[];
  /** One attribute, typed by the kind of `node`'s attribute `name`. */
  attribute(node: Node, name: string, value: AttributeValue, onnxName?: string): onnx.AttributeProto.$Properties;
  /** Declares that the model uses `domain` at `version` (the standard domain is always declared). */
  useOpset(domain: string, version: number): void;
}

/** Writes one qtk node as ONNX node(s). */
export type NodeLowering = (node: Node, ctx: ExportContext) => void;

import { QtkError } from '../errors/QtkError.js';
import type { Node } from '../graph/Node.js';
import type { TensorType } from '../graph/TensorType.js';
import { AttributeReader } from './AttributeReader.js';
import type { InferenceContext, OpDefinition } from './OpDefinition.js';
import { DEFAULT_OP_TRAITS, type OpTraits } from './OpTraits.js';

function key(domain: string, op: string): string {
  return domain ? `${domain}::${op}` : op;
}

/**
 * The op definitions a graph may use. qtk's core ops are registered at creation; a backend
 * registers the ops it adds (with their kernels) into {@link opRegistry}, and core code never needs
 * to know them.
 */
export class OpRegistry {
  readonly #defs = new Map<string, OpDefinition>();

  constructor(definitions: readonly OpDefinition[] = []) {
    for (const d of definitions) this.register(d);
  }

  /**
   * Adds an op. Registering the same op object again is a no-op (a backend module may be loaded
   * twice); a different definition under a taken name is an error.
   */
  register(definition: OpDefinition): void {
    const k = key(definition.domain ?? '', definition.op);
    const existing = this.#defs.get(k);
    if (existing && existing !== definition) {
      throw new QtkError('ops.duplicate', `op '${k}' is already registered`);
    }
    this.#defs.set(k, definition);
  }

  /** The definition of `op` in `domain`, or `undefined`. */
  find(op: string, domain = ''): OpDefinition | undefined {
    return this.#defs.get(key(domain, op));
  }

  /** The definition of a node's op; an error naming the node when it is unknown. */
  definitionOf(node: Node): OpDefinition {
    const def = this.find(node.op, node.domain);
    if (!def) {
      throw new QtkError(
        'ops.unknown',
        `node '${node.name}': unknown op '${node.qualifiedOp}' (is the package that defines it loaded?)`,
      );
    }
    return def;
  }

  /** All registered definitions, core ops first, in registration order. */
  list(): OpDefinition[] {
    return [...this.#defs.values()];
  }

  /**
   * The traits of a node's op; an op the registry does not know (a backend's, not loaded) or whose
   * definition declares none is a `compute` op. An op whose role depends on its attributes
   * ({@link OpTraits.roleOf}) gets the node's own role as its `quantRole`.
   */
  traitsOf(node: Node): OpTraits {
    const def = this.find(node.op, node.domain);
    const traits = def?.traits ?? DEFAULT_OP_TRAITS;
    if (!def || !traits.roleOf) return traits;
    return { ...traits, quantRole: traits.roleOf(node, new AttributeReader(node, def.attributes)) };
  }

  /** A node's attributes with the defaults of its definition. */
  attributesOf(node: Node): AttributeReader {
    return new AttributeReader(node, this.definitionOf(node).attributes);
  }

  /** Output types of `node` from its inputs' types (does not change the node). */
  inferTypes(node: Node): TensorType[] {
    const def = this.definitionOf(node);
    const fail = (message: string): never => {
      throw new QtkError('graph.inference', `node '${node.name}' (${node.op}): ${message}`);
    };
    const ctx: InferenceContext = {
      node,
      attrs: new AttributeReader(node, def.attributes),
      outputCount: node.outputs.length,
      inputType: (i) => node.inputs[i]?.type,
      requireInput: (i) => node.inputs[i]?.type ?? fail(`input ${i} is required`),
      constant: (i) => node.inputs[i]?.constant,
      fail,
    };
    const types = def.inferTypes(ctx);
    if (types.length !== node.outputs.length) {
      fail(`has ${node.outputs.length} outputs, its definition gives ${types.length}`);
    }
    return types;
  }
}

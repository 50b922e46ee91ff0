import { QtkError } from '../errors/QtkError.js';
import type { AttributeSpec, AttributeValue } from '../graph/Attribute.js';
import type { Node } from '../graph/Node.js';
import { Tensor } from '../tensor/Tensor.js';

/**
 * Typed access to a node's attributes, with the defaults its op definition declares.
 * Shape inference and kernels read attributes through it, so a default lives in one place.
 */
export class AttributeReader {
  readonly #node: Node;
  readonly #specs: Readonly<Record<string, AttributeSpec>>;

  constructor(node: Node, specs: Readonly<Record<string, AttributeSpec>>) {
    this.#node = node;
    this.#specs = specs;
  }

  /** True when the node sets the attribute or its definition gives a default. */
  has(name: string): boolean {
    return this.#node.attrs[name] !== undefined || this.#specs[name]?.default !== undefined;
  }

  /** The raw value, with the default applied. */
  get(name: string): AttributeValue | undefined {
    return this.#node.attrs[name] ?? this.#specs[name]?.default;
  }

  int(name: string): number {
    const v = this.#require(name);
    if (typeof v !== 'number' || !Number.isInteger(v)) this.#wrong(name, 'an integer', v);
    return v;
  }

  float(name: string): number {
    const v = this.#require(name);
    if (typeof v !== 'number') this.#wrong(name, 'a number', v);
    return v;
  }

  string(name: string): string {
    const v = this.#require(name);
    if (typeof v !== 'string') this.#wrong(name, 'a string', v);
    return v;
  }

  ints(name: string): readonly number[] {
    const v = this.#require(name);
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isInteger(x))) {
      this.#wrong(name, 'a list of integers', v);
    }
    return v as readonly number[];
  }

  /** Like {@link ints}, but `undefined` when neither set nor defaulted. */
  optionalInts(name: string): readonly number[] | undefined {
    return this.has(name) ? this.ints(name) : undefined;
  }

  floats(name: string): readonly number[] {
    const v = this.#require(name);
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) this.#wrong(name, 'a list of numbers', v);
    return v as readonly number[];
  }

  tensor(name: string): Tensor {
    const v = this.#require(name);
    if (!(v instanceof Tensor)) this.#wrong(name, 'a tensor', v);
    return v;
  }

  #require(name: string): AttributeValue {
    const v = this.get(name);
    if (v === undefined) {
      throw new QtkError(
        'graph.missing-attribute',
        `node '${this.#node.name}' (${this.#node.op}) needs attribute '${name}'`,
      );
    }
    return v;
  }

  #wrong(name: string, expected: string, got: AttributeValue): never {
    const shown = got instanceof Tensor ? 'a tensor' : JSON.stringify(got);
    throw new QtkError(
      'graph.attribute-type',
      `node '${this.#node.name}' (${this.#node.op}): attribute '${name}' must be ${expected}, got ${shown}`,
    );
  }
}

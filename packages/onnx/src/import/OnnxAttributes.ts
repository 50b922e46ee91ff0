import { QtkError } from '@qtk/ir';
import type { DecodedAttribute, DecodedTensor } from '../schema/DecodedModel.js';

/** `AttributeProto.AttributeType` codes qtk reads. */
const FLOAT = 1;
const INT = 2;
const STRING = 3;
const TENSOR = 4;
const FLOATS = 6;
const INTS = 7;
const STRINGS = 8;

const KIND_NAMES: Readonly<Record<number, string>> = {
  [FLOAT]: 'a float',
  [INT]: 'an int',
  [STRING]: 'a string',
  [TENSOR]: 'a tensor',
  [FLOATS]: 'a list of floats',
  [INTS]: 'a list of ints',
  [STRINGS]: 'a list of strings',
};

/** IR version 1 files have no `type`: tell it from the field that is set. */
function typeOf(a: DecodedAttribute): number {
  if (a.type !== undefined && a.type !== 0) return a.type;
  if (a.f !== undefined) return FLOAT;
  if (a.i !== undefined) return INT;
  if (a.s !== undefined) return STRING;
  if (a.t !== undefined) return TENSOR;
  if (a.floats.length > 0) return FLOATS;
  if (a.ints.length > 0) return INTS;
  if (a.strings.length > 0) return STRINGS;
  return 0;
}

function toInt(value: string, fail: (message: string) => never): number {
  const n = Number(value);
  // int64 attributes such as Slice's ends hold INT64_MAX; as a double that still clamps right.
  if (!Number.isFinite(n)) fail(`has int value ${value}`);
  return n;
}

/**
 * Typed access to an ONNX node's attributes. A getter returns `undefined` when the attribute is
 * absent and fails, naming the node and attribute, when it has another type.
 */
export class OnnxAttributes {
  readonly #byName = new Map<string, DecodedAttribute>();
  readonly #where: string;

  /** `where` names the node in errors: `node '/conv/Conv' (Conv)`. */
  constructor(attributes: readonly DecodedAttribute[], where: string) {
    this.#where = where;
    for (const a of attributes) {
      const name = a.name ?? '';
      if (this.#byName.has(name)) this.#fail(name, 'appears twice');
      if (a.ref_attr_name) this.#fail(name, 'refers to a function attribute, which only functions may do');
      this.#byName.set(name, a);
    }
  }

  /** True when the node sets the attribute. */
  has(name: string): boolean {
    return this.#byName.has(name);
  }

  int(name: string): number | undefined {
    const a = this.#get(name, INT);
    return a && toInt(a.i ?? '0', (m) => this.#fail(name, m));
  }

  ints(name: string): number[] | undefined {
    const a = this.#get(name, INTS);
    return a?.ints.map((v) => toInt(v, (m) => this.#fail(name, m)));
  }

  float(name: string): number | undefined {
    const a = this.#get(name, FLOAT);
    // A writer may leave out a float equal to its protobuf default, 0.
    return a && (a.f ?? 0);
  }

  floats(name: string): number[] | undefined {
    const a = this.#get(name, FLOATS);
    return a && [...a.floats];
  }

  string(name: string): string | undefined {
    const a = this.#get(name, STRING);
    return a && new TextDecoder().decode(a.s ?? new Uint8Array());
  }

  tensor(name: string): DecodedTensor | undefined {
    return this.#get(name, TENSOR)?.t;
  }

  #get(name: string, type: number): DecodedAttribute | undefined {
    const a = this.#byName.get(name);
    if (!a) return undefined;
    if (typeOf(a) !== type) this.#fail(name, `must be ${KIND_NAMES[type]}`);
    return a;
  }

  #fail(name: string, message: string): never {
    throw new QtkError('onnx.attribute', `${this.#where}: attribute '${name}' ${message}`);
  }
}

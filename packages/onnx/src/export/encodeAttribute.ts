import { type AttributeKind, type AttributeValue, Tensor } from '@qtk/ir';
import type { onnx } from '../schema/generated/onnx.js';
import { encodeTensor } from './encodeTensor.js';

/** `AttributeProto.AttributeType` of each attribute kind. */
const TYPE_OF: Readonly<Record<AttributeKind, number>> = {
  float: 1,
  int: 2,
  string: 3,
  tensor: 4,
  floats: 6,
  ints: 7,
  strings: 8,
};

const utf8 = new TextEncoder();

/**
 * An attribute as an `AttributeProto` of the type `kind` says (the op definition's, since a
 * JavaScript number does not tell an int from a float). A value that does not fit its kind is a bug
 * of the graph's producer (verifyGraph rejects it), so it throws a plain error.
 */
export function encodeAttribute(
  name: string,
  kind: AttributeKind,
  value: AttributeValue,
): onnx.AttributeProto.$Properties {
  const wrong = (): never => {
    throw new Error(`attribute '${name}' of kind ${kind} cannot hold ${JSON.stringify(value)}`);
  };
  const base = { name, type: TYPE_OF[kind] };
  switch (kind) {
    case 'float':
      return typeof value === 'number' ? { ...base, f: value } : wrong();
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? { ...base, i: value } : wrong();
    case 'string':
      return typeof value === 'string' ? { ...base, s: utf8.encode(value) } : wrong();
    case 'tensor':
      return value instanceof Tensor ? { ...base, t: encodeTensor('', value) } : wrong();
    case 'floats':
      return Array.isArray(value) && value.every((v) => typeof v === 'number')
        ? { ...base, floats: [...(value as number[])] }
        : wrong();
    case 'ints':
      return Array.isArray(value) && value.every((v) => Number.isInteger(v))
        ? { ...base, ints: [...(value as number[])] }
        : wrong();
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? { ...base, strings: (value as string[]).map((v) => utf8.encode(v)) }
        : wrong();
  }
}

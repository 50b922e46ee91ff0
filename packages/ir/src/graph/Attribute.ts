import type { Tensor } from '../tensor/Tensor.js';

/**
 * A node attribute's value. Numbers are JavaScript numbers; whether one is an integer or a float is
 * the op definition's business (see {@link AttributeKind}), which is what exporters follow.
 */
export type AttributeValue = number | string | readonly number[] | readonly string[] | Tensor;

/** A node's attributes by name. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** The declared type of an attribute, as ONNX types them. */
export type AttributeKind = 'int' | 'float' | 'string' | 'ints' | 'floats' | 'strings' | 'tensor';

/** The declaration of one attribute of an op. */
export interface AttributeSpec {
  readonly kind: AttributeKind;
  /** Used when the node does not set the attribute. Absent and not required means "unset". */
  readonly default?: AttributeValue;
  readonly required?: boolean;
}

/**
 * A dimension: a non-negative size, or a symbol (ONNX `dim_param`, such as `"batch"`) where the
 * model leaves the size open.
 */
export type Dim = number | string;

/** A value's static shape. Symbolic dims are strings. */
export type Shape = readonly Dim[];

/** A fully known shape, as a tensor has. */
export type ConcreteShape = readonly number[];

/** True when every dim is a number. */
export function isConcreteShape(shape: Shape): shape is ConcreteShape {
  return shape.every((d) => typeof d === 'number');
}

/** Number of elements of a concrete shape (1 for a scalar). */
export function numel(shape: ConcreteShape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a concrete shape, in elements. */
export function stridesOf(shape: ConcreteShape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] as number;
  }
  return strides;
}

/** `[2,100,256]`, with symbols as they are: `[batch,3,224,224]`. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

/** True when both shapes have the same rank and the same dims (symbols compare by name). */
export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Normalizes a possibly negative axis against `rank`, or returns `undefined` when it is out of range.
 */
export function normalizeAxis(axis: number, rank: number): number | undefined {
  const a = axis < 0 ? axis + rank : axis;
  return Number.isInteger(a) && a >= 0 && a < rank ? a : undefined;
}

import type { DType } from '../dtype/DType.js';
import { formatShape, type Shape } from '../shape/Shape.js';

/** The static type of a value: its dtype and shape. */
export interface TensorType {
  readonly dtype: DType;
  readonly shape: Shape;
}

/** `float32[2,100,256]` */
export function formatTensorType(type: TensorType): string {
  return `${type.dtype}${formatShape(type.shape)}`;
}

/** True when both types have the same dtype and shape. */
export function tensorTypesEqual(a: TensorType, b: TensorType): boolean {
  return a.dtype === b.dtype && a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
}

import type { Shape } from '../../shape/Shape.js';

/**
 * True for a scalar or a one-element 1-D tensor: what onnxruntime accepts where ONNX asks for a
 * scalar input (Range's bounds, Trilu's k, Dropout's ratio and training_mode).
 */
export function isScalarLike(shape: Shape): boolean {
  return shape.length === 0 || (shape.length === 1 && shape[0] === 1);
}

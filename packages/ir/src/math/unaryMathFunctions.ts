/*
 * Scalar functions of ONNX's unary math ops that JavaScript's Math does not have as such; the
 * simulator's kernels and the backends' lookup tables both call them, so a table holds exactly what
 * the float kernel computes. (Log, Floor, Ceil, Cos and Sin are Math's; Round is `roundHalfToEven`.)
 */

/** ONNX Reciprocal: 1 / x (1/0 is infinity, as IEEE divides). */
export function reciprocal(x: number): number {
  return 1 / x;
}

/** ONNX Sign of a float: -1, 0 or 1, NaN staying NaN and -0 staying -0. */
export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x;
}

import type { Value } from '@qtk/ir';

/** The number a one-element float constant holds (a scalar or `[1]`), else `undefined`. */
export function scalarConstant(v: Value): number | undefined {
  const c = v.constant;
  if (c?.size !== 1 || (c.dtype !== 'float32' && c.dtype !== 'float64')) return undefined;
  return Number(c.data[0]);
}

/** True when `v` is a one-element float constant within float32 rounding of `expected`. */
export function isScalarNear(v: Value, expected: number): boolean {
  const s = scalarConstant(v);
  return s !== undefined && Math.abs(s - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
}

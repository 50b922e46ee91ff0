import type { Value } from '@qtk/ir';

/** True for float32 and float64 values: fusions rewrite float arithmetic only. */
export function isFloatValue(v: Value): boolean {
  return v.type.dtype === 'float32' || v.type.dtype === 'float64';
}

/**
 * How `x / scale` becomes an integer: `'half-to-even'` (default; what ONNX QuantizeLinear and
 * PyTorch do) or `'bpu'`, `floor(v + 0.5)`, the rounding the vendor's hardware documentation names.
 */
export type RoundingMode = 'half-to-even' | 'bpu';

/** Rounds half to even (banker's rounding), exactly for every double. */
export function roundHalfToEven(v: number): number {
  const r = Math.round(v); // rounds half up
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Rounds `v` with `mode`. */
export function roundWith(mode: RoundingMode, v: number): number {
  return mode === 'bpu' ? Math.floor(v + 0.5) : roundHalfToEven(v);
}

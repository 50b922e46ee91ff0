import { formatShape, isFloatDType, type Tensor } from '@qtk/ir';

/** How far a computed tensor is from an expected one. */
export interface TensorDifference {
  /** Dtype and shape differ, or (integers and bools) some element differs: not comparable by tolerance. */
  readonly mismatch?: string;
  readonly maxAbs: number;
  /** Largest |a - b| / max(|b|, 1): relative for large values, absolute near zero. */
  readonly maxScaled: number;
}

/**
 * Compares `actual` with `expected` as ONNX's node tests do: same dtype and shape, integers and
 * bools exactly equal, floats by their largest difference (NaN equals NaN, equal infinities equal).
 */
export function tensorDifference(actual: Tensor, expected: Tensor): TensorDifference {
  const a = `${actual.dtype}${formatShape(actual.shape)}`;
  const b = `${expected.dtype}${formatShape(expected.shape)}`;
  if (a !== b) return { mismatch: `got ${a}, expected ${b}`, maxAbs: Number.NaN, maxScaled: Number.NaN };
  const x = actual.toNumbers();
  const y = expected.toNumbers();
  if (!isFloatDType(expected.dtype)) {
    const i = x.findIndex((v, k) => v !== y[k]);
    if (i >= 0)
      return { mismatch: `element ${i} is ${x[i]}, expected ${y[i]}`, maxAbs: Number.NaN, maxScaled: Number.NaN };
    return { maxAbs: 0, maxScaled: 0 };
  }
  let maxAbs = 0;
  let maxScaled = 0;
  for (let i = 0; i < x.length; i++) {
    const u = x[i] as number;
    const v = y[i] as number;
    if ((Number.isNaN(u) && Number.isNaN(v)) || u === v) continue;
    const d = Math.abs(u - v);
    maxAbs = Math.max(maxAbs, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d);
    maxScaled = Math.max(maxScaled, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d / Math.max(Math.abs(v), 1));
  }
  return { maxAbs, maxScaled };
}

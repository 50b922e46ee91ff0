import { broadcastShapes, type ConcreteShape, numel } from '@qtk/ir';

/**
 * The NumPy broadcast of concrete shapes, or `undefined` when they do not broadcast. (The IR's
 * `broadcastShapes` gives numbers for numbers; this only narrows its type.)
 */
export function broadcastConcrete(...shapes: ConcreteShape[]): number[] | undefined {
  return broadcastShapes(...shapes) as number[] | undefined;
}

/**
 * Strides (in elements) of a row-major tensor of `shape`, indexed by the dims of `outShape` it
 * broadcasts to: 0 where the tensor repeats (a size-1 dim or a missing leading dim).
 */
export function broadcastStrides(shape: ConcreteShape, outShape: ConcreteShape): number[] {
  const strides = new Array<number>(outShape.length).fill(0);
  let s = 1;
  for (let i = shape.length - 1, o = outShape.length - 1; i >= 0; i--, o--) {
    const d = shape[i];
    strides[o] = d === 1 ? 0 : s;
    s *= d;
  }
  return strides;
}

/**
 * Visits one contiguous run of the output at a time: `outOffset` of its first element, where each
 * input's first element is (`inOffsets`), the run's length, and each input's step within the run
 * (0 or 1 after merging, but any stride is honoured).
 */
export type BroadcastRowVisitor = (
  outOffset: number,
  inOffsets: readonly number[],
  length: number,
  inSteps: readonly number[],
) => void;

/**
 * Walks the output of a broadcast of `inputShapes` to `outShape` row by row. Adjacent dims that every
 * input walks the same way (all contiguous, or all repeated) are merged first, so the common cases
 * (same shapes, a scalar, a per-channel vector) become one or a few long rows, and the per-element
 * work stays a tight loop in the visitor.
 */
export function forEachBroadcastRow(
  outShape: ConcreteShape,
  inputShapes: readonly ConcreteShape[],
  visit: BroadcastRowVisitor,
): void {
  if (numel(outShape) === 0) return;
  const strides = inputShapes.map((s) => broadcastStrides(s, outShape));
  // Merge dims from the innermost outwards.
  const dims: number[] = [];
  const merged: number[][] = inputShapes.map(() => []);
  for (let d = outShape.length - 1; d >= 0; d--) {
    const size = outShape[d];
    if (size === 1) continue;
    const k = dims.length - 1;
    const canMerge = k >= 0 && strides.every((st, j) => st[d] === merged[j][k] * dims[k]);
    if (canMerge) {
      dims[k] *= size;
    } else {
      dims.push(size);
      strides.forEach((st, j) => {
        merged[j].push(st[d]);
      });
    }
  }
  if (dims.length === 0) {
    dims.push(1);
    for (const m of merged) m.push(0);
  }
  // dims[0] is now the innermost dim.
  const inner = dims[0];
  const steps = merged.map((m) => m[0]);
  const rank = dims.length;
  const counter = new Array<number>(rank).fill(0);
  const offsets = new Array<number>(inputShapes.length).fill(0);
  const rows = numel(dims) / inner;
  let out = 0;
  for (let r = 0; r < rows; r++) {
    visit(out, offsets, inner, steps);
    out += inner;
    for (let d = 1; d < rank; d++) {
      const c = counter[d] + 1;
      if (c < dims[d]) {
        counter[d] = c;
        for (let j = 0; j < offsets.length; j++) offsets[j] += merged[j][d];
        break;
      }
      counter[d] = 0;
      for (let j = 0; j < offsets.length; j++) {
        offsets[j] -= (c - 1) * merged[j][d];
      }
    }
  }
}

/** `values` (row-major, of `shape`) repeated out to `outShape`, as float64. */
export function broadcastTo(values: ArrayLike<number>, shape: ConcreteShape, outShape: ConcreteShape): Float64Array {
  const out = new Float64Array(numel(outShape));
  forEachBroadcastRow(outShape, [shape], (o, offsets, n, steps) => {
    const s = steps[0];
    let i = offsets[0];
    for (let k = 0; k < n; k++, i += s) out[o + k] = values[i];
  });
  return out;
}

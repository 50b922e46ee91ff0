import type { Dim, Shape } from './Shape.js';

/**
 * The NumPy/ONNX multidirectional broadcast of shapes, or `undefined` when they do not broadcast.
 * A symbolic dim broadcasts with 1 and with itself; against a different symbol or a number other
 * than 1 the result is unknown, so the symbol is kept (the run-time shapes decide).
 */
export function broadcastShapes(...shapes: Shape[]): Dim[] | undefined {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: Dim[] = new Array<Dim>(rank).fill(1);
  for (const shape of shapes) {
    const offset = rank - shape.length;
    for (let i = 0; i < shape.length; i++) {
      const d = shape[i] as Dim;
      const o = out[offset + i] as Dim;
      if (d === 1 || d === o) continue;
      if (o === 1) {
        out[offset + i] = d;
      } else if (typeof d === 'number' && typeof o === 'number') {
        return undefined;
      } else if (typeof o === 'string' && typeof d === 'number') {
        out[offset + i] = d;
      }
    }
  }
  return out;
}

import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** The dims `[start, end)` that ONNX Shape (opset 15) returns, clamped as the standard says. */
export function shapeRange(rank: number, start: number | undefined, end: number | undefined): [number, number] {
  const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + rank : v, 0), rank);
  const s = clamp(start ?? 0);
  const e = clamp(end ?? rank);
  return [s, Math.max(s, e)];
}

/** ONNX Shape: the input's dims as a 1-D int64 tensor. */
export const Shape: CoreOpDefinition<'Shape'> = {
  op: 'Shape',
  traits: { quantRole: 'float' },
  summary: "The input's dims [start, end) as int64.",
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'shape' }],
  attributes: { start: { kind: 'int' }, end: { kind: 'int' } },
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const start = ctx.attrs.has('start') ? ctx.attrs.int('start') : undefined;
    const end = ctx.attrs.has('end') ? ctx.attrs.int('end') : undefined;
    const [s, e] = shapeRange(x.shape.length, start, end);
    return [{ dtype: 'int64', shape: [e - s] }];
  },
};

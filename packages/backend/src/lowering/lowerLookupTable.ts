import { type Node, QTK_DOMAIN, roundHalfToEven, SEGMENT_POINTS } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { type NonlinearFunction, nonlinearFunctionOf } from './nonlinearFunctions.js';
import { outputPoint } from './outputPoint.js';

/** The fake-quantized value of `f` at input integer `i`: what the QAT model computes there. */
function quantizedValue(
  fn: NonlinearFunction,
  i: number,
  sIn: number,
  sOut: number,
  qmin: number,
  qmax: number,
): number {
  const y = Math.fround(fn.f(Math.fround(i * sIn)));
  return Math.min(Math.max(roundHalfToEven(Math.fround(y / sOut)), qmin), qmax);
}

/**
 * Segment bounds (input integers) for an int16 table: where linear interpolation errs by about
 * h^2 |f''| / 8, equal errors want segment widths that shrink where the function bends; so the
 * seven bounds split the input range at equal shares of the integral of sqrt(|f''|) (plus a floor,
 * so flat stretches still get a segment), measured on 1024 samples. Strictly ascending, inside int16.
 */
function segmentBounds(fn: NonlinearFunction, sIn: number): number[] {
  const samples = 1024;
  const lo = -32768 * sIn;
  const step = (65535 * sIn) / samples;
  const f = (i: number) => fn.f(lo + i * step);
  const density: number[] = [];
  for (let i = 1; i < samples; i++) density.push(Math.sqrt(Math.abs(f(i + 1) - 2 * f(i) + f(i - 1))));
  const floor = Math.max(...density, 1e-12) * 0.02;
  const cumulative = [0];
  for (const d of density) cumulative.push((cumulative[cumulative.length - 1] as number) + d + floor);
  const total = cumulative[cumulative.length - 1] as number;
  const bounds: number[] = [];
  let j = 0;
  for (let k = 1; k < 8; k++) {
    while (j < cumulative.length - 1 && (cumulative[j] as number) < (total * k) / 8) j++;
    bounds.push(Math.round(-32768 + ((j + 0.5) * 65535) / samples));
  }
  for (let i = 0; i < bounds.length; i++) {
    bounds[i] = Math.min(
      Math.max(bounds[i] as number, (i > 0 ? (bounds[i - 1] as number) : -32768) + 1),
      32767 - (6 - i),
    );
  }
  return bounds;
}

/**
 * A Sigmoid, Tanh, Erf or GELU between two points of the same integer dtype as a table whose
 * entries are exactly what the QAT model computes: a 256-entry `Lut` for int8, a `SegmentLut`
 * (8 interpolated segments of 65 points) for int16. Returns false otherwise.
 */
export function lowerLookupTable(ctx: LoweringContext, node: Node): boolean {
  const fn = nonlinearFunctionOf(ctx, node);
  const fq = outputPoint(ctx, node);
  const x = ctx.get(node.input(0));
  if (!fn || !fq || x.kind !== 'int' || x.scales.length !== 1) return false;
  const target = fakeQuantTarget(fq);
  if (target.dtype !== x.dtype) return false;
  const sIn = x.scales[0] as number;
  const sOut = target.scales[0] as number;
  const info = { function: fn.name, input_scale: [sIn], output_scale: [sOut] };
  let out: Node;
  if (x.dtype === 'int8') {
    const table = Array.from({ length: 256 }, (_, k) => quantizedValue(fn, k - 128, sIn, sOut, -128, 127));
    out = ctx.emit({
      op: 'Lut',
      domain: QTK_DOMAIN,
      name: node.name,
      inputs: [x.value],
      attrs: { table, ...info },
      unit: ctx.policy.units.vector,
    });
  } else {
    const bounds = segmentBounds(fn, sIn);
    const starts = [-32768, ...bounds];
    const ends = [...bounds, 32768];
    const steps = starts.map((s, k) =>
      Math.max(0, Math.ceil(Math.log2(((ends[k] as number) - s) / (SEGMENT_POINTS - 1)))),
    );
    // The top segment's last point must be 32767 itself: a point past the int16 range would hold a
    // clamped value and bend the interpolation below it. Move its start down (or refine its step).
    let top = steps[7] as number;
    while (top > 0 && 32767 - (SEGMENT_POINTS - 1) * 2 ** top <= (bounds[5] as number)) top--;
    bounds[6] = Math.max(32767 - (SEGMENT_POINTS - 1) * 2 ** top, (bounds[5] as number) + 1);
    starts[7] = bounds[6] as number;
    steps[7] = top;
    steps[6] = Math.max(
      0,
      Math.ceil(Math.log2(((bounds[6] as number) - (starts[6] as number)) / (SEGMENT_POINTS - 1))),
    );
    const tables = starts.flatMap((s, k) =>
      Array.from({ length: SEGMENT_POINTS }, (_, j) =>
        quantizedValue(fn, s + j * 2 ** (steps[k] as number), sIn, sOut, -32768, 32767),
      ),
    );
    out = ctx.emit({
      op: 'SegmentLut',
      domain: QTK_DOMAIN,
      name: node.name,
      inputs: [x.value],
      attrs: { bounds, steps, tables, ...info },
      unit: ctx.policy.units.vector,
    });
  }
  ctx.completePoint(fq, out.output(), target.dtype, sOut);
  return true;
}

import { type Node, QTK_DOMAIN, roundHalfToEven } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { type NonlinearFunction, nonlinearFunctionOf } from './nonlinearFunctions.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { planSegmentTable } from './segmentTablePlan.js';

/**
 * `f` at input integer `i` in output LSB before rounding, as the QAT model computes it (input and
 * result float32). Where `f` is NaN (Log below 0) the float model has no integer to match; the
 * table holds the lowest code there, continuing Log's -infinity at 0.
 */
function exactValue(fn: NonlinearFunction, i: number, sIn: number, sOut: number, qmin: number): number {
  const y = Math.fround(Math.fround(fn.f(Math.fround(i * sIn))) / sOut);
  return Number.isNaN(y) ? qmin : y;
}

/** The fake-quantized value of `f` at input integer `i`: what the QAT model computes there. */
function quantizedValue(
  fn: NonlinearFunction,
  i: number,
  sIn: number,
  sOut: number,
  qmin: number,
  qmax: number,
): number {
  return Math.min(Math.max(roundHalfToEven(exactValue(fn, i, sIn, sOut, qmin)), qmin), qmax);
}

/**
 * The most an int16 table may differ from the fake-quant model on any input code, in LSB: the
 * accuracy qtk has promised for int16 tables. A function no eight segments follow that closely (more
 * steps than segments, a pole, many periods) stays float.
 */
export const SEGMENT_TABLE_MAX_LSB = 4;

/**
 * A scalar function of one activation (Sigmoid, Tanh, Erf, GELU, the ONNX activations, Log, ...;
 * see `nonlinearFunctionOf`) between two points of the same integer dtype as a table: a 256-entry
 * `Lut` for int8 holding exactly what the QAT model computes, or for int16 a `SegmentLut` (8
 * interpolated segments of 65 points) planned on every input code (`planSegmentTable`) and used
 * when within {@link SEGMENT_TABLE_MAX_LSB}. Returns false when the inputs do not fit, or why not.
 */
export function lowerLookupTable(ctx: LoweringContext, node: Node): LoweringOutcome {
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
    const plan = planSegmentTable(
      (code) => Math.min(Math.max(exactValue(fn, code, sIn, sOut, -32768), -32768), 32767),
      (code) => !Number.isNaN(fn.f(Math.fround(code * sIn))),
      SEGMENT_TABLE_MAX_LSB,
    );
    if (!plan) {
      return `no 8-segment int16 table follows ${fn.name} within ${SEGMENT_TABLE_MAX_LSB} LSB on every input code at these scales`;
    }
    const { bounds, steps, tables } = plan;
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

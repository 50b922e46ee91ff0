import { roundHalfToEven, SEGMENT_POINTS } from '@qtk/ir';

const LO = -32768;
const HI = 32767;
const CODES = 65536;
const SEGMENTS = 8;
/** Intervals per segment: the 65 points of a segment span 64 steps. */
const INTERVALS = SEGMENT_POINTS - 1;

/** An int16 `SegmentLut`'s attributes and the worst difference they give from the reference. */
export interface SegmentTablePlan {
  readonly bounds: number[];
  readonly steps: number[];
  readonly tables: number[];
  /** The largest |table - reference| over every int16 input code the reference cares about, in LSB. */
  readonly worstLsb: number;
}

/** One planned segment: its first code, step, end (exclusive), and the table point right after its last code. */
interface Segment {
  readonly start: number;
  readonly step: number;
  readonly end: number;
  /** The value of the first table point past `end - 1` (the true value, or the line extended). */
  readonly beyond: number;
}

/** The interval a code `offset` codes into a segment of `step` reads (the kernel caps it at the last). */
function intervalOf(offset: number, step: number): number {
  return Math.min(offset >> step, INTERVALS - 1);
}

/**
 * Plans an int16 lookup table (`SegmentLut`: 8 segments, each 65 int16 points a power-of-two step
 * apart, linearly interpolated) for a function given by `value(code)`: its exact result in output
 * LSB at an input code, already clamped to int16's range (finite, and defined past int16 too, since
 * table points may lie beyond the last code). Codes where `cares(code)` is false (the float
 * function is NaN there) may come out as anything.
 *
 * The points inside a segment hold the reference (the value rounded half to even, as the fake-quant
 * model rounds). The point after a segment's last code holds either the reference there or the
 * segment's line extended past its end: that is what lets a segment end at a kink (a HardSwish
 * corner, a saturation, a step) and the next one start on the other side of it. Segments are chosen
 * greedily, each reaching as far as any step allows within a tolerance, and the tolerance is the
 * least (0, 1, 2, ... LSB) for which eight segments cover int16: the worst difference is measured
 * on every input code, not estimated. Returns `undefined` when no tolerance up to `maxTolerance`
 * will do (a function with more steps than segments, a sine over many periods).
 */
export function planSegmentTable(
  value: (code: number) => number,
  cares: (code: number) => boolean,
  maxTolerance: number,
): SegmentTablePlan | undefined {
  const exact = new Float64Array(CODES);
  const reference = new Int32Array(CODES);
  const cared = new Uint8Array(CODES);
  for (let i = 0; i < CODES; i++) {
    exact[i] = value(LO + i);
    reference[i] = roundHalfToEven(exact[i] as number);
    cared[i] = cares(LO + i) ? 1 : 0;
  }
  const exactAt = (p: number) => (p >= LO && p <= HI ? (exact[p - LO] as number) : value(p));
  const referenceAt = (p: number) => roundHalfToEven(exactAt(p));
  /** The 65 points of a segment from `start` with `step`, each the reference there. */
  const truePoints = (start: number, step: number) =>
    Int32Array.from({ length: SEGMENT_POINTS }, (_, j) => referenceAt(start + j * 2 ** step));
  /** The line through a segment's last two codes, at point p, as an int16 table entry. */
  const extended = (start: number, end: number, p: number) => {
    const last = exactAt(end - 1);
    const slope = end - 2 >= start ? last - exactAt(end - 2) : 0;
    return Math.min(Math.max(roundHalfToEven(last + slope * (p - (end - 1))), LO), HI);
  };
  /**
   * The first code in [from, to) of a segment (points `points`, with `beyond` in place of point
   * `beyondAt` when given) whose interpolation errs by more than `tolerance`, or `to`; and the
   * largest error before it. The kernel's arithmetic, interval by interval.
   */
  const scan = (start: number, step: number, points: Int32Array, from: number, to: number, tolerance: number) => {
    const h = 2 ** step;
    const half = step > 0 ? 2 ** (step - 1) : 0;
    let worst = 0;
    let c = from;
    while (c < to) {
      const j = intervalOf(c - start, step);
      const t0 = points[j] as number;
      const dt = step > 0 ? (points[j + 1] as number) - t0 : 0;
      const p = start + j * h;
      const stop = j === INTERVALS - 1 ? to : Math.min(p + h, to);
      for (; c < stop; c++) {
        if (!cared[c - LO]) continue;
        const y = step > 0 ? t0 + Math.floor((dt * (c - p) + half) / h) : t0;
        const d = Math.abs(y - (reference[c - LO] as number));
        if (d > tolerance) return { bad: c, worst };
        if (d > worst) worst = d;
      }
    }
    return { bad: to, worst };
  };

  /** A segment from `start` with `step` and true points: it ends at its first code beyond `tolerance`. */
  const withTruePoints = (start: number, step: number, tolerance: number) => {
    const h = 2 ** step;
    // Step 0 does not interpolate, so its 64th interval holds one code only.
    const maxEnd = Math.min(start + (step === 0 ? INTERVALS : INTERVALS * h + 1), HI + 1);
    const points = truePoints(start, step);
    const end = scan(start, step, points, start, maxEnd, tolerance).bad;
    const segment: Segment = { start, step, end, beyond: points[intervalOf(end - 1 - start, step) + 1] as number };
    // How far a line extended past a kink in the first bad code's interval could take it.
    const jBad = intervalOf(end - start, step);
    const potential = end === maxEnd ? end : jBad === INTERVALS - 1 ? maxEnd : Math.min(start + (jBad + 1) * h, maxEnd);
    return { segment, points, potential };
  };

  /**
   * The segment of `withTruePoints` made longer, where it can be, by extending its line to the
   * point after its last code (past a kink that keeps the segment's own slope). The ends that work
   * run from the first bad code up to the kink, so they are bisected. Ends past the next point
   * would make it a code of the segment, except in the last interval, which ends at its last point.
   */
  const withExtension = (first: Segment, points: Int32Array, potential: number, tolerance: number): Segment => {
    const { start, step } = first;
    const j = intervalOf(first.end - start, step);
    const pj = start + j * 2 ** step;
    const table = points.slice();
    let best = first;
    let lo = first.end;
    let hi = potential;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const beyond = extended(start, mid, pj + 2 ** step);
      table.fill(beyond, j + 1);
      if (scan(start, step, table, pj, mid, tolerance).bad < mid) {
        hi = mid - 1;
      } else {
        best = { start, step, end: mid, beyond };
        lo = mid;
      }
    }
    return best;
  };

  /** Segments covering int16 within `tolerance`, or `undefined` when eight do not. */
  const greedy = (tolerance: number): Segment[] | undefined => {
    const segments: Segment[] = [];
    let start = LO;
    while (start <= HI) {
      if (segments.length === SEGMENTS) return undefined;
      // The furthest reach, by the finest step that gets there (more points, and splittable).
      const candidates = Array.from({ length: 16 }, (_, step) => withTruePoints(start, step, tolerance));
      let best = (candidates[0] as (typeof candidates)[number]).segment;
      for (const c of candidates) if (c.segment.end >= best.end) best = c.segment;
      for (const c of [...candidates].sort((a, b) => b.potential - a.potential || a.segment.step - b.segment.step)) {
        if (c.potential <= best.end) break;
        const s = withExtension(c.segment, c.points, c.potential, tolerance);
        if (s.end > best.end) best = s;
      }
      segments.push(best);
      start = best.end;
    }
    return segments;
  };

  // The least tolerance that eight segments meet, up to `maxTolerance`: doubling, then bisection
  // (a larger tolerance never reaches less far).
  let segments = greedy(0);
  if (!segments) {
    let failed = 0;
    let tolerance = 1;
    for (;;) {
      segments = greedy(Math.min(tolerance, maxTolerance));
      if (segments) break;
      if (tolerance >= maxTolerance) return undefined;
      failed = tolerance;
      tolerance *= 2;
    }
    tolerance = Math.min(tolerance, maxTolerance);
    while (tolerance - failed > 1) {
      const mid = Math.floor((failed + tolerance) / 2);
      const s = greedy(mid);
      if (s) {
        segments = s;
        tolerance = mid;
      } else {
        failed = mid;
      }
    }
  }
  return tableOf(
    padToEight(segments, referenceAt),
    referenceAt,
    (s, points) => scan(s.start, s.step, points, s.start, s.end, Number.POSITIVE_INFINITY).worst,
  );
}

/**
 * Eight segments from fewer: the segment of most intervals splits at its middle point (both halves
 * keep the same points, so the same results); when every segment is one interval, the last code
 * of the longest becomes a segment of its own (exact at step 0; the rest keep their points).
 */
function padToEight(planned: readonly Segment[], referenceAt: (p: number) => number): Segment[] {
  const segments = [...planned];
  const intervals = (s: Segment) => Math.ceil((s.end - s.start) / 2 ** s.step);
  while (segments.length < SEGMENTS) {
    const k = segments.reduce((m, s, i) => (intervals(s) > intervals(segments[m] as Segment) ? i : m), 0);
    const s = segments[k] as Segment;
    if (intervals(s) >= 2) {
      const split = s.start + Math.floor(intervals(s) / 2) * 2 ** s.step;
      segments.splice(k, 1, { ...s, end: split, beyond: referenceAt(split) }, { ...s, start: split });
      continue;
    }
    const codes = (t: Segment) => t.end - t.start;
    const l = segments.reduce((m, t, i) => (codes(t) > codes(segments[m] as Segment) ? i : m), 0);
    const t = segments[l] as Segment;
    const last = t.end - 1;
    const sameInterval = intervalOf(last - 1 - t.start, t.step) === intervalOf(last - t.start, t.step);
    const beyond = sameInterval ? t.beyond : referenceAt(last);
    segments.splice(
      l,
      1,
      { ...t, end: last, beyond },
      { start: last, step: 0, end: t.end, beyond: referenceAt(t.end) },
    );
  }
  return segments;
}

/** The `SegmentLut` attributes of eight segments, and their worst error measured on every code. */
function tableOf(
  segments: readonly Segment[],
  referenceAt: (p: number) => number,
  worstOf: (s: Segment, points: Int32Array) => number,
): SegmentTablePlan {
  const tables: number[] = [];
  let worstLsb = 0;
  for (const s of segments) {
    const lastJ = intervalOf(s.end - 1 - s.start, s.step);
    // Points after the one past the end are never read; they repeat it.
    const points = Int32Array.from({ length: SEGMENT_POINTS }, (_, j) =>
      j <= lastJ ? referenceAt(s.start + j * 2 ** s.step) : s.beyond,
    );
    tables.push(...points);
    worstLsb = Math.max(worstLsb, worstOf(s, points));
  }
  return { bounds: segments.slice(1).map((s) => s.start), steps: segments.map((s) => s.step), tables, worstLsb };
}

import type { FloatData } from '../nonFinite.js';
import type { HistogramState } from '../ObserverState.js';

/** Bins on each side of zero. */
export const BINS_PER_SIDE = 2048;
const BINS = 2 * BINS_PER_SIDE;
/** Smallest range exponent, for all-zero data. */
const MIN_EXPONENT = -64;

/** The exponent e of the smallest power of two 2^e strictly above `a` (a > 0). */
function exponentAbove(a: number): number {
  let e = Math.floor(Math.log2(a)) + 1;
  while (2 ** e <= a) e++;
  while (e > MIN_EXPONENT && 2 ** (e - 1) > a) e--;
  return Math.max(e, MIN_EXPONENT);
}

/**
 * A histogram of values over [-R, R) with R a power of two strictly above every |x| seen, and
 * 2 x 2048 bins of width R / 2048.
 *
 * Because R only ever doubles and 2048 is even, doubling merges adjacent bin pairs exactly, and a
 * value's bin is computed exactly (`floor(x * 2048 / R)`, a power-of-two scaling). So the counts
 * depend only on the multiset of values seen, not on how they were batched or split across
 * observers: merging histograms is exact.
 */
export class CanonicalHistogram {
  #exponent: number | null = null;
  #counts = new Float64Array(BINS);
  #min = Number.POSITIVE_INFINITY;
  #max = Number.NEGATIVE_INFINITY;

  static fromState(s: HistogramState): CanonicalHistogram {
    const h = new CanonicalHistogram();
    h.#exponent = s.exponent;
    for (const [i, c] of s.counts) h.#counts[i] = c;
    h.#min = s.min;
    h.#max = s.max;
    return h;
  }

  /** Range exponent: the histogram covers [-2^e, 2^e). `null` while empty. */
  get exponent(): number | null {
    return this.#exponent;
  }

  get min(): number {
    return this.#min;
  }

  get max(): number {
    return this.#max;
  }

  /** max(|min|, |max|) of the values seen (0 when empty). */
  get absmax(): number {
    return this.#exponent === null ? 0 : Math.max(Math.abs(this.#min), Math.abs(this.#max));
  }

  /** Bin width. */
  get width(): number {
    return this.#exponent === null ? 0 : 2 ** this.#exponent / BINS_PER_SIDE;
  }

  /** Counts of the 4096 signed bins (bin i covers [(i - 2048) w, (i - 2047) w)). */
  get counts(): Float64Array {
    return this.#counts;
  }

  /** Adds the finite values of `data` (non-finite ones are skipped: the caller decides about them). */
  add(data: FloatData): void {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === Number.POSITIVE_INFINITY && hi === Number.NEGATIVE_INFINITY) return; // empty or all NaN
    lo = Number.isFinite(lo) ? lo : this.#finiteMin(data);
    hi = Number.isFinite(hi) ? hi : this.#finiteMax(data);
    if (lo > hi) return; // nothing finite
    const a = Math.max(Math.abs(lo), Math.abs(hi));
    this.#growTo(a > 0 ? exponentAbove(a) : MIN_EXPONENT);
    if (lo < this.#min) this.#min = lo;
    if (hi > this.#max) this.#max = hi;
    const toBins = 2 ** (Math.log2(BINS_PER_SIDE) - (this.#exponent as number));
    const counts = this.#counts;
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (v - v !== 0) continue;
      counts[Math.floor(v * toBins) + BINS_PER_SIDE]++;
    }
  }

  /** Adds another histogram's counts (brought to the common range). */
  merge(other: CanonicalHistogram): void {
    if (other.#exponent === null) return;
    const theirs = CanonicalHistogram.fromState(other.state());
    const e = Math.max(this.#exponent ?? MIN_EXPONENT, other.#exponent);
    this.#growTo(e);
    theirs.#growTo(e);
    for (let i = 0; i < BINS; i++) this.#counts[i] = (this.#counts[i] as number) + (theirs.#counts[i] as number);
    this.#min = Math.min(this.#min, other.#min);
    this.#max = Math.max(this.#max, other.#max);
  }

  /** Counts of |x| over [0, R): bin j gathers signed bins 2048 + j and 2047 - j. */
  absCounts(): Float64Array {
    const out = new Float64Array(BINS_PER_SIDE);
    for (let j = 0; j < BINS_PER_SIDE; j++) {
      out[j] = (this.#counts[BINS_PER_SIDE + j] as number) + (this.#counts[BINS_PER_SIDE - 1 - j] as number);
    }
    return out;
  }

  state(): HistogramState {
    const counts: [number, number][] = [];
    for (let i = 0; i < BINS; i++) if (this.#counts[i] !== 0) counts.push([i, this.#counts[i] as number]);
    return { exponent: this.#exponent, counts, min: this.#min, max: this.#max };
  }

  #growTo(e: number): void {
    if (this.#exponent === null) {
      this.#exponent = e;
      return;
    }
    while (this.#exponent < e) {
      const next = new Float64Array(BINS);
      for (let i = 0; i < BINS; i++) {
        const c = this.#counts[i] as number;
        if (c !== 0) next[(i + BINS_PER_SIDE) >> 1] = (next[(i + BINS_PER_SIDE) >> 1] as number) + c;
      }
      this.#counts = next;
      this.#exponent++;
    }
  }

  #finiteMin(data: FloatData): number {
    let m = Number.POSITIVE_INFINITY;
    for (let i = 0; i < data.length; i++)
      if (Number.isFinite(data[i] as number) && (data[i] as number) < m) m = data[i] as number;
    return m;
  }

  #finiteMax(data: FloatData): number {
    let m = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < data.length; i++)
      if (Number.isFinite(data[i] as number) && (data[i] as number) > m) m = data[i] as number;
    return m;
  }
}

import { normalizeAxis, QtkError, type QuantDType, scaleFromAbsMax, type Tensor } from '@qtk/ir';
import { floatDataOf } from '../floatDataOf.js';
import { countNonFinite } from '../nonFinite.js';
import type { Observer } from '../Observer.js';
import type { MinMaxConfig } from '../ObserverConfig.js';
import type { MinMaxState } from '../ObserverState.js';

/** The default EMA constant of SPEC section 3. */
export const DEFAULT_AVERAGING_CONSTANT = 0.01;

/**
 * Min/max observer with an exponential moving average over batches (`min += c * (batchMin - min)`,
 * the first batch initializes, `c = 0` freezes), per tensor or per channel along `axis`.
 *
 * Merging is exact in real arithmetic: the EMA is affine in its starting value, so an observer B
 * that started from its own first batch `b1` and saw `n` batches continues A as
 * `m_AB = m_B + (1 - c)^n (m_A - b1)`.
 */
export class MinMaxObserver implements Observer {
  readonly config: MinMaxConfig;
  #batches = 0;
  #skipped = 0;
  #min: number[] = [];
  #max: number[] = [];
  #firstMin: number[] = [];
  #firstMax: number[] = [];

  constructor(config: MinMaxConfig, state?: MinMaxState) {
    const c = config.averagingConstant ?? DEFAULT_AVERAGING_CONSTANT;
    if (!(c >= 0 && c <= 1)) throw new QtkError('observer.config', `averaging constant ${c} must be in [0, 1]`);
    this.config = config;
    if (state) {
      this.#batches = state.batches;
      this.#skipped = state.skippedNonFinite;
      this.#min = [...state.min];
      this.#max = [...state.max];
      this.#firstMin = [...state.firstMin];
      this.#firstMax = [...state.firstMax];
    }
  }

  get batches(): number {
    return this.#batches;
  }

  get skippedNonFinite(): number {
    return this.#skipped;
  }

  get #c(): number {
    return this.config.averagingConstant ?? DEFAULT_AVERAGING_CONSTANT;
  }

  observe(x: Tensor, what = 'tensor'): void {
    const data = floatDataOf(x, what);
    const bad = countNonFinite(data, this.config.nonFinite ?? 'error', what);
    this.#skipped += bad;
    const [bmin, bmax] = this.#batchExtremes(x.shape, data, what);
    if (bmin.every((v) => v === Number.POSITIVE_INFINITY)) return; // nothing finite in this batch
    if (this.#batches === 0) {
      this.#min = bmin;
      this.#max = bmax;
      this.#firstMin = [...bmin];
      this.#firstMax = [...bmax];
    } else {
      if (bmin.length !== this.#min.length) {
        throw new QtkError(
          'observer.shape',
          `${what}: ${bmin.length} channels, earlier batches had ${this.#min.length}`,
        );
      }
      const c = this.#c;
      for (let k = 0; k < bmin.length; k++) {
        this.#min[k] = (this.#min[k] as number) + c * ((bmin[k] as number) - (this.#min[k] as number));
        this.#max[k] = (this.#max[k] as number) + c * ((bmax[k] as number) - (this.#max[k] as number));
      }
    }
    this.#batches++;
  }

  merge(other: Observer): void {
    if (!(other instanceof MinMaxObserver))
      throw new QtkError('observer.merge', 'cannot merge observers of different kinds');
    const o = other.state();
    if (o.batches === 0) return;
    this.#skipped += o.skippedNonFinite;
    if (this.#batches === 0) {
      this.#batches = o.batches;
      this.#min = [...o.min];
      this.#max = [...o.max];
      this.#firstMin = [...o.firstMin];
      this.#firstMax = [...o.firstMax];
      return;
    }
    if (o.min.length !== this.#min.length)
      throw new QtkError('observer.merge', 'cannot merge observers of different channel counts');
    const decay = (1 - this.#c) ** o.batches;
    this.#min = o.min.map((m, k) => m + decay * ((this.#min[k] as number) - (o.firstMin[k] as number)));
    this.#max = o.max.map((m, k) => m + decay * ((this.#max[k] as number) - (o.firstMax[k] as number)));
    this.#batches += o.batches;
  }

  /** Current min and max per channel (one entry for per-tensor). */
  range(): { min: number[]; max: number[] } {
    return { min: [...this.#min], max: [...this.#max] };
  }

  scales(dtype: QuantDType): number[] {
    if (this.#batches === 0) throw new QtkError('observer.empty', 'MinMax observer has seen no data');
    return this.#min.map((m, k) => scaleFromAbsMax(Math.max(Math.abs(m), Math.abs(this.#max[k] as number)), dtype));
  }

  state(): MinMaxState {
    return {
      config: this.config,
      batches: this.#batches,
      skippedNonFinite: this.#skipped,
      min: [...this.#min],
      max: [...this.#max],
      firstMin: [...this.#firstMin],
      firstMax: [...this.#firstMax],
    };
  }

  #batchExtremes(shape: readonly number[], data: Float32Array | Float64Array, what: string): [number[], number[]] {
    let channels = 1;
    let inner = data.length;
    if (this.config.axis !== undefined) {
      const axis = normalizeAxis(this.config.axis, shape.length);
      if (axis === undefined)
        throw new QtkError('observer.shape', `${what}: axis ${this.config.axis} out of range for rank ${shape.length}`);
      channels = shape[axis] as number;
      inner = 1;
      for (let k = axis + 1; k < shape.length; k++) inner *= shape[k] as number;
    }
    const min = new Array<number>(channels).fill(Number.POSITIVE_INFINITY);
    const max = new Array<number>(channels).fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (v - v !== 0) continue;
      const ch = channels === 1 ? 0 : Math.floor(i / inner) % channels;
      if (v < (min[ch] as number)) min[ch] = v;
      if (v > (max[ch] as number)) max[ch] = v;
    }
    return [min, max];
  }
}

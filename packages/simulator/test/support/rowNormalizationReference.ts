import { quantizeMultiplier, roundHalfToEven } from '@qtk/ir';

/** Gamma and beta of an integer LayerNorm / InstanceNorm quantized as a backend does, with the float reference. */
export interface QuantizedRowNormalization {
  /** Gamma as int16 codes at one scale (the largest at 32767.5). */
  readonly gamma: number[];
  /** Beta as int32 codes in output units with `frac_bits` fractional bits. */
  readonly beta: number[];
  /** The integer op's attributes but its `out_dtype` (and LayerNorm's axis). */
  readonly attrs: { epsilon_int: number; multiplier: number; shift: number; frac_bits: number };
  /**
   * The float normalization of `row` (codes at the input scale) with the quantized gamma and beta
   * of parameter `param(i)` for element i, at the output scale, rounded and clamped to [lo, hi]:
   * what the integer op must meet within 1 LSB.
   */
  expected(row: readonly number[], param: (i: number) => number, lo: number, hi: number): number[];
}

const EPSILON = 1e-5;
const FRAC_BITS = 12;

/**
 * `gammaReal` and `betaReal` quantized for rows of `d` values at input scale `sx` and output
 * scale `so` (epsilon 1e-5, 12 fractional bits of beta).
 */
export function quantizedRowNormalization(
  gammaReal: readonly number[],
  betaReal: readonly number[],
  sx: number,
  so: number,
  d: number,
): QuantizedRowNormalization {
  const sg = Math.max(...gammaReal) / 32767.5;
  const gamma = gammaReal.map((g) => Math.min(32767, Math.round(g / sg)));
  const beta = betaReal.map((b) => Math.round((b / so) * 2 ** FRAC_BITS));
  const m = quantizeMultiplier(sg / so);
  return {
    gamma,
    beta,
    attrs: {
      epsilon_int: Math.round((EPSILON * d * d) / (sx * sx)),
      multiplier: m.multiplier,
      shift: m.shift,
      frac_bits: FRAC_BITS,
    },
    expected(row, param, lo, hi) {
      const mean = row.reduce((a, b) => a + b, 0) / row.length;
      const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
      return row.map((v, i) => {
        const n = ((v - mean) * sx) / Math.sqrt(variance * sx * sx + EPSILON);
        const k = param(i);
        const y = (n * (gamma[k] as number) * sg + (beta[k] as number) * so * 2 ** -FRAC_BITS) / so;
        return Math.max(lo, Math.min(hi, roundHalfToEven(y)));
      });
    },
  };
}

import { MAX_INTERPOLATION_WEIGHT_BITS, quantizeMultiplier } from '@qtk/ir';
import type { QuantTarget } from './LoweringContext.js';

/**
 * Fractional bits of the interpolation weights of the integer Resize and GridSample (Q18): a
 * weight is off by at most 2^-19, so even a full-range int16 step between two neighbours (65535
 * codes) moves the result by at most 1/8 LSB per axis, and the int64 sum stays exact (2^51).
 */
export const INTERPOLATION_WEIGHT_BITS = MAX_INTERPOLATION_WEIGHT_BITS;

/**
 * Fractional bits of the input scale kept when the sum is shifted into int32 before the
 * requantization (2^15 |q| stays below 2^31 for int16 data); the shift rounds by at most 2^-16 LSB.
 */
export const INTERPOLATION_KEPT_BITS = 15;

/** The right shift from the sum (2 weight bits of fraction) into int32. */
export const INTERPOLATION_ACC_SHIFT = 2 * INTERPOLATION_WEIGHT_BITS - INTERPOLATION_KEPT_BITS;

/**
 * Two interpolation weights (w0 + w1 = 1) in Q{@link INTERPOLATION_WEIGHT_BITS}: w1 rounded, w0
 * its complement, so every pair sums to exactly 2^bits and a constant input stays exact.
 */
export function fixedPointWeightPair(w1: number): [number, number] {
  const one = 2 ** INTERPOLATION_WEIGHT_BITS;
  const q1 = Math.round(w1 * one);
  return [one - q1, q1];
}

/**
 * The output stage of an integer interpolation (`INTERPOLATION_OUTPUT_ATTRIBUTES` of `@qtk/ir`)
 * into the output point `target`: the Q{@link INTERPOLATION_WEIGHT_BITS} weights, the shift of the
 * sum into int32 (scale s_in / 2^15), and the ratio s_in / (s_out 2^15) as a fixed-point multiplier.
 */
export function interpolationOutputStage(
  sIn: number,
  target: QuantTarget,
  what: string,
): { weight_bits: number; acc_shift: number; multiplier: number; shift: number; out_dtype: string } {
  const m = quantizeMultiplier(sIn / ((target.scales[0] as number) * 2 ** INTERPOLATION_KEPT_BITS), what);
  return {
    weight_bits: INTERPOLATION_WEIGHT_BITS,
    acc_shift: INTERPOLATION_ACC_SHIFT,
    multiplier: m.multiplier,
    shift: m.shift,
    out_dtype: target.dtype,
  };
}

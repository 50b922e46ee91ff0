import { QtkError } from '../errors/QtkError.js';

/**
 * A real ratio r > 0 as an integer multiplier and a right shift: r ~ multiplier / 2^shift, with the
 * multiplier in [2^30, 2^31) (31 significant bits) so the relative error is below 2^-31.
 */
export interface FixedPointMultiplier {
  readonly multiplier: number;
  readonly shift: number;
}

/** Largest right shift qtk's requantization supports (ratios down to about 2^-32). */
export const MAX_SHIFT = 62;

/**
 * The fixed-point form of a ratio (a requantization `s_in / s_out`): normalizes r = m * 2^e with
 * m in [0.5, 1), multiplier = round(m * 2^31), shift = 31 - e. Zero gives multiplier 0.
 * Ratios that need a left shift (r >= 2^31) or more than {@link MAX_SHIFT} are errors.
 */
export function quantizeMultiplier(ratio: number, what = 'requantization'): FixedPointMultiplier {
  if (!(ratio >= 0) || !Number.isFinite(ratio))
    throw new QtkError('quant.multiplier', `${what}: ratio ${ratio} is not a finite non-negative number`);
  if (ratio === 0) return { multiplier: 0, shift: 0 };
  let e = Math.floor(Math.log2(ratio)) + 1;
  // Math.log2 may be off by one ulp around powers of two: settle e so that r / 2^e is in [0.5, 1).
  while (ratio / 2 ** e >= 1) e++;
  while (ratio / 2 ** e < 0.5) e--;
  let multiplier = Math.round((ratio / 2 ** e) * 2 ** 31);
  if (multiplier === 2 ** 31) {
    multiplier /= 2;
    e++;
  }
  const shift = 31 - e;
  if (shift < 0 || shift > MAX_SHIFT) {
    throw new QtkError(
      'quant.multiplier',
      `${what}: ratio ${ratio} is out of the representable range (2^-${MAX_SHIFT - 31} to 2^31)`,
    );
  }
  return { multiplier, shift };
}

const TWO16 = 65536;

/**
 * `floor((x * multiplier + 2^(shift-1)) / 2^shift)`: x times a fixed-point multiplier, rounded half
 * up (the "BPU round" of SPEC section 2), computed exactly for |x| < 2^31, multiplier < 2^31 and
 * shift <= {@link MAX_SHIFT}: the 62-bit product is split into 16-bit limbs so every double
 * operation stays exact.
 */
export function multiplyByFixedPoint(x: number, multiplier: number, shift: number): number {
  if (shift === 0) return x * multiplier + 0; // + 0 turns -0 into 0
  const hi = Math.floor(multiplier / TWO16);
  const lo = multiplier - hi * TWO16;
  const p1 = x * hi; // |p1| < 2^46: exact
  const p2 = x * lo; // |p2| < 2^47: exact
  const q2 = Math.floor(p2 / TWO16);
  const r2 = p2 - q2 * TWO16; // 0 <= r2 < 2^16
  const a = p1 + q2; // x * multiplier = a * 2^16 + r2, |a| < 2^47
  if (shift > 16) return Math.floor((a + 2 ** (shift - 17)) / 2 ** (shift - 16));
  // shift <= 16: (a * 2^16 + r2 + 2^(shift-1)) / 2^shift = a * 2^(16-shift) + (r2 + 2^(shift-1)) / 2^shift
  return a * 2 ** (16 - shift) + Math.floor((r2 + 2 ** (shift - 1)) / 2 ** shift);
}

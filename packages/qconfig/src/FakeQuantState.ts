/**
 * The fake-quant states of SPEC section 4:
 * - `CALIBRATION`: observers on, fake quantization off (the forward pass is float);
 * - `VALIDATION`: observers off (scales fixed), fake quantization on; required before export;
 * - `QAT`: observers on (unless frozen) and fake quantization on.
 */
export const FakeQuantState = {
  CALIBRATION: 'calibration',
  VALIDATION: 'validation',
  QAT: 'qat',
} as const;

/** One of {@link FakeQuantState}'s values. */
export type FakeQuantState = (typeof FakeQuantState)[keyof typeof FakeQuantState];

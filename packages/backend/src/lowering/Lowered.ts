import type { Value } from '@qtk/ir';

/** An integer tensor of the converted graph and its quantization (symmetric, zero point 0). */
export interface LoweredInt {
  readonly kind: 'int';
  readonly value: Value;
  readonly dtype: 'int8' | 'int16' | 'int32';
  /** One scale, or one per index of `axis`. */
  readonly scales: readonly number[];
  readonly axis?: number;
}

/** A float tensor of the converted graph; `dequantizedFrom` when it is a Dequantize of an integer one. */
export interface LoweredFloat {
  readonly kind: 'float';
  readonly value: Value;
  readonly dequantizedFrom?: LoweredInt;
  /** Computed by a CPU fallback op (a quantize of it runs on the CPU too). */
  readonly onCpu?: boolean;
}

/** What a tensor of the QAT graph became in the converted graph. */
export type Lowered = LoweredInt | LoweredFloat;

/** True when two integer tensors have the same dtype and scales (a requantization between them vanishes). */
export function sameQuantization(
  a: LoweredInt,
  b: { dtype: string; scales: readonly number[]; axis?: number },
): boolean {
  return (
    a.dtype === b.dtype &&
    a.axis === b.axis &&
    a.scales.length === b.scales.length &&
    a.scales.every((s, i) => s === b.scales[i])
  );
}

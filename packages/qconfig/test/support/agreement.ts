import type { Node, Tensor, Value } from '@qtk/ir';

/** How far two fake-quantized tensors are apart, in steps of their scale. */
export interface LsbAgreement {
  /** Largest difference, in LSB. */
  maxLsb: number;
  /** Elements whose integers are equal. */
  equal: number;
  total: number;
}

/**
 * Compares two tensors of values `q * scale` (q integers) by their integers. Both come from
 * float32 products of an integer and the scale, so `value / scale` is within 2^-20 of q and
 * rounding it recovers q exactly.
 */
export function lsbAgreement(a: Tensor, b: Tensor, scales: readonly number[], axis?: number): LsbAgreement {
  if (a.size !== b.size) throw new Error(`sizes differ: ${a.size} and ${b.size}`);
  let inner = 1;
  if (axis !== undefined) for (let k = axis + 1; k < a.shape.length; k++) inner *= a.shape[k] as number;
  let maxLsb = 0;
  let equal = 0;
  for (let i = 0; i < a.size; i++) {
    const s = scales[axis === undefined ? 0 : Math.floor(i / inner) % scales.length] as number;
    const d = Math.abs(Math.round((a.data[i] as number) / s) - Math.round((b.data[i] as number) / s));
    if (d === 0) equal++;
    maxLsb = Math.max(maxLsb, d);
  }
  return { maxLsb, equal, total: a.size };
}

/** Largest |a - b|, and the largest |b| (to scale a tolerance). */
export function floatDifference(a: Tensor, b: Tensor): { maxAbs: number; maxReference: number } {
  if (a.size !== b.size) throw new Error(`sizes differ: ${a.size} and ${b.size}`);
  let maxAbs = 0;
  let maxReference = 0;
  for (let i = 0; i < a.size; i++) {
    maxAbs = Math.max(maxAbs, Math.abs((a.data[i] as number) - (b.data[i] as number)));
    maxReference = Math.max(maxReference, Math.abs(b.data[i] as number));
  }
  return { maxAbs, maxReference };
}

/**
 * The FakeQuantize a model output is read from (through DeQuantStub and Identity), or `undefined`
 * for a high-precision (float) output.
 */
export function outputFakeQuantize(output: Value): Node | undefined {
  let v: Value | undefined = output;
  while (v?.producer && (v.producer.op === 'DeQuantStub' || v.producer.op === 'Identity'))
    v = v.producer.inputs[0] ?? undefined;
  return v?.producer?.op === 'FakeQuantize' ? v.producer : undefined;
}

import { type Artifact, QtkError } from '@qtk/ir';

/**
 * A QAT artifact can be converted only once calibrated: every FakeQuantize enabled and with its
 * scales. Anything else is an error naming the file and the first offending point.
 */
export function checkConvertible(qat: Artifact, source: string): void {
  if (qat.kind !== 'qat') {
    throw new QtkError(
      'backend.not-qat',
      `${source}: convert takes a QAT artifact (from qtk calibrate), this one is '${qat.kind}'`,
    );
  }
  for (const n of qat.graph.nodes) {
    if (n.op !== 'FakeQuantize' || n.domain !== '') continue;
    const scales = (n.attrs.scales as readonly number[] | undefined) ?? [];
    if (scales.length === 0 || n.attrs.enabled === 0) {
      throw new QtkError(
        'backend.uncalibrated',
        `${source}: fake quantization '${n.name}' was never calibrated (no fixed scale); calibrate and validate before converting`,
      );
    }
  }
}

import { type Node, QtkError } from '@qtk/ir';
import type { QuantTarget } from './LoweringContext.js';

/** The integer dtype and scales a FakeQuantize of the QAT graph stands for. */
export function fakeQuantTarget(fq: Node): QuantTarget {
  const dtype = fq.attrs.dtype;
  if (dtype !== 'qint8' && dtype !== 'qint16') {
    throw new QtkError(
      'backend.lowering',
      `fake quantization '${fq.name}' is ${String(dtype)}; activations convert from qint8 or qint16`,
    );
  }
  return {
    dtype: dtype === 'qint8' ? 'int8' : 'int16',
    scales: [...((fq.attrs.scales as readonly number[]) ?? [])],
    ...(fq.attrs.axis !== undefined ? { axis: fq.attrs.axis as number } : {}),
  };
}

import { QtkError, type Tensor } from '@qtk/ir';
import type { FloatData } from './nonFinite.js';

/** The float data of a tensor an observer watches; other dtypes are an error naming it. */
export function floatDataOf(x: Tensor, what: string): FloatData {
  if (x.dtype !== 'float32' && x.dtype !== 'float64') {
    throw new QtkError('observer.dtype', `${what}: observers watch float tensors, got ${x.dtype}`);
  }
  return x.data as FloatData;
}

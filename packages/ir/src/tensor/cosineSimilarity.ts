import { QtkError } from '../errors/QtkError.js';
import type { Tensor } from './Tensor.js';

/**
 * Cosine similarity of two tensors' values (summed in double): 1 for the same direction, the
 * usual yardstick of a quantized model's output against the float one. Two all-zero tensors give 1.
 */
export function cosineSimilarity(a: Tensor, b: Tensor): number {
  if (a.size !== b.size)
    throw new QtkError('tensor.size', `cosine similarity of tensors of ${a.size} and ${b.size} elements`);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.size; i++) {
    const x = Number(a.data[i]);
    const y = Number(b.data[i]);
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 && bb === 0 ? 1 : ab / Math.sqrt(aa * bb);
}

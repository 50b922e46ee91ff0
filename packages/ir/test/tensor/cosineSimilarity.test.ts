import { describe, expect, it } from 'vitest';
import { cosineSimilarity, Tensor } from '../../src/index.js';

describe('cosineSimilarity', () => {
  it('is 1 for the same direction, -1 for the opposite, 0 for orthogonal (hand-computed)', () => {
    const t = (v: number[]) => Tensor.float32([v.length], v);
    expect(cosineSimilarity(t([1, 2, 3]), t([2, 4, 6]))).toBeCloseTo(1, 12);
    expect(cosineSimilarity(t([1, 0]), t([-3, 0]))).toBe(-1);
    expect(cosineSimilarity(t([1, 0]), t([0, 5]))).toBe(0);
    // (1*1 + 1*0) / (sqrt 2 * 1) = 1/sqrt(2)
    expect(cosineSimilarity(t([1, 1]), t([1, 0]))).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosineSimilarity(t([0, 0]), t([0, 0]))).toBe(1);
    expect(() => cosineSimilarity(t([1]), t([1, 2]))).toThrow(/1 and 2 elements/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  broadcastShapes,
  numel,
  stridesOf,
  Tensor,
  tensorFromBytes,
  tensorsIdentical,
  tensorToBytes,
} from '../../src/index.js';

describe('Tensor', () => {
  it('checks storage type and length against dtype and shape', () => {
    expect(() => new Tensor('float32', [2, 2], new Float32Array(3))).toThrow(/needs 4 elements, got 3/);
    expect(() => new Tensor('int8', [2], new Float32Array(2) as unknown as Int8Array)).toThrow(
      /cannot be stored in a Float32Array/,
    );
    expect(() => new Tensor('float32', [-1], new Float32Array(0))).toThrow(/non-negative integers/);
    expect(new Tensor('bool', [2], Uint8Array.of(1, 0)).size).toBe(2);
  });

  it('stores int64 exactly as bigints', () => {
    const t = Tensor.int64([2], [2n ** 62n, -1]);
    expect(t.data[0]).toBe(2n ** 62n);
    expect(t.toNumbers()).toEqual([2 ** 62, -1]);
  });

  it('round-trips through little-endian bytes', () => {
    const t = Tensor.float32([2, 2], [1.5, -2, 3.25, 0]);
    const u = tensorFromBytes('float32', [2, 2], tensorToBytes(t).slice(), 't');
    expect(tensorsIdentical(t, u)).toBe(true);
    expect(() => tensorFromBytes('int16', [3], new Uint8Array(5), 'weights')).toThrow(
      /weights: int16\[3\] needs 6 bytes of data, found 5/,
    );
  });

  it('computes sizes and strides', () => {
    expect(numel([2, 3, 4])).toBe(24);
    expect(numel([])).toBe(1);
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
  });
});

describe('broadcastShapes', () => {
  it('follows NumPy and keeps symbols', () => {
    expect(broadcastShapes([8, 1, 6, 1], [7, 1, 5])).toEqual([8, 7, 6, 5]);
    expect(broadcastShapes([], [3])).toEqual([3]);
    expect(broadcastShapes(['N', 1], [1, 4])).toEqual(['N', 4]);
    expect(broadcastShapes([2], [3])).toBeUndefined();
  });
});

import type { NumberStorage } from './storage.js';

/**
 * `acc[m, n] += A[m, k] · B[k, n]` for row-major A (at `aOffset`) and B (at `bOffset`), accumulating
 * in double. The loop order i-p-j streams rows of B and of the accumulator, so the innermost loop is
 * a contiguous multiply-add that the JIT keeps in registers.
 */
export function accumulateProduct(
  acc: Float64Array,
  a: NumberStorage,
  aOffset: number,
  b: NumberStorage,
  bOffset: number,
  m: number,
  k: number,
  n: number,
): void {
  for (let i = 0; i < m; i++) {
    const accRow = i * n;
    const aRow = aOffset + i * k;
    for (let p = 0; p < k; p++) {
      const av = a[aRow + p];
      const bRow = bOffset + p * n;
      for (let j = 0; j < n; j++) acc[accRow + j] += av * b[bRow + j];
    }
  }
}

/**
 * `acc[m, n] += A[m, k] · Bᵀ` where B is stored row-major as `[n, k]` (a Linear weight, Gemm with
 * transB): every output is a dot product of two contiguous rows, summed in double.
 */
export function accumulateProductTransposed(
  acc: Float64Array,
  a: NumberStorage,
  aOffset: number,
  bt: NumberStorage,
  btOffset: number,
  m: number,
  k: number,
  n: number,
): void {
  for (let i = 0; i < m; i++) {
    const aRow = aOffset + i * k;
    for (let j = 0; j < n; j++) {
      const bRow = btOffset + j * k;
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[aRow + p] * bt[bRow + p];
      acc[i * n + j] += sum;
    }
  }
}

import type { NumberStorage } from './storage.js';

/**
 * `acc[m, n] += A[m, k] · B[k, n]` for row-major A (at `aOffset`) and B (at `bOffset`), accumulating
 * in double. The loop order i-p-j streams rows of B and of the accumulator, so the innermost loop is
 * a contiguous multiply-add; four rows of B go through each pass over the accumulator row, added in
 * the same order as one at a time (so the result does not depend on the unrolling).
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
  const k4 = k - (k % 4);
  for (let i = 0; i < m; i++) {
    const accRow = i * n;
    const aRow = aOffset + i * k;
    let p = 0;
    for (; p < k4; p += 4) {
      const a0 = a[aRow + p];
      const a1 = a[aRow + p + 1];
      const a2 = a[aRow + p + 2];
      const a3 = a[aRow + p + 3];
      const b0 = bOffset + p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        acc[accRow + j] = acc[accRow + j] + a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
      }
    }
    for (; p < k; p++) {
      const av = a[aRow + p];
      const bRow = bOffset + p * n;
      for (let j = 0; j < n; j++) acc[accRow + j] += av * b[bRow + j];
    }
  }
}

/**
 * `acc[m, n] += A[m, k] · Bᵀ` where B is stored row-major as `[n, k]` (a Linear weight, Gemm with
 * transB): every output is a dot product of two contiguous rows, summed in double in order. Four
 * outputs are computed together so each element of A is loaded once for them and the four sums
 * are independent chains the CPU can overlap.
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
  const n4 = n - (n % 4);
  for (let i = 0; i < m; i++) {
    const aRow = aOffset + i * k;
    let j = 0;
    for (; j < n4; j += 4) {
      const r0 = btOffset + j * k;
      const r1 = r0 + k;
      const r2 = r1 + k;
      const r3 = r2 + k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const av = a[aRow + p];
        s0 += av * bt[r0 + p];
        s1 += av * bt[r1 + p];
        s2 += av * bt[r2 + p];
        s3 += av * bt[r3 + p];
      }
      acc[i * n + j] += s0;
      acc[i * n + j + 1] += s1;
      acc[i * n + j + 2] += s2;
      acc[i * n + j + 3] += s3;
    }
    for (; j < n; j++) {
      const r = btOffset + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[aRow + p] * bt[r + p];
      acc[i * n + j] += s;
    }
  }
}

import { manualSeed, randn, Tensor } from '@qtk/ir';

/** A float32 tensor of normal draws, reproducible from `seed`. */
export function randomTensor(seed: number, shape: readonly number[], scale = 1): Tensor<'float32'> {
  manualSeed(seed);
  const t = randn(...shape);
  return Tensor.float32(
    shape,
    Array.from(t.data, (v) => v * scale),
  );
}

/** A float32 tensor of draws in [lo, hi) (variances must be positive). */
export function positiveTensor(seed: number, shape: readonly number[], lo = 0.5, hi = 1.5): Tensor<'float32'> {
  const t = randomTensor(seed, shape);
  return Tensor.float32(
    shape,
    Array.from(t.data, (v) => lo + ((Math.tanh(v) + 1) / 2) * (hi - lo)),
  );
}

import { QtkError } from '../../errors/QtkError.js';
import type { Tensor } from '../../tensor/Tensor.js';
import { defaultGenerator, type Generator } from './Generator.js';

/** Fills a float32 tensor with U[from, to) draws in memory order, as `nn.init.uniform_`. */
export function uniform_(
  t: Tensor<'float32'>,
  from: number,
  to: number,
  generator: Generator = defaultGenerator,
): Tensor<'float32'> {
  for (let i = 0; i < t.data.length; i++) t.data[i] = generator.uniformFloat32(from, to);
  return t;
}

/** `fan_in` as PyTorch computes it: dim 1 times the receptive field (dims 2...). */
export function fanIn(shape: readonly number[]): number {
  if (shape.length < 2) throw new QtkError('nn.init', `fan_in needs a tensor of rank >= 2, got rank ${shape.length}`);
  return shape.slice(1).reduce((a, b) => a * b, 1);
}

/**
 * `nn.init.kaiming_uniform_(t, a)` with leaky-ReLU gain, fan_in mode: the default initialization
 * of Linear and Conv weights (with `a = sqrt(5)`). Arithmetic follows PyTorch's in double.
 */
export function kaimingUniform_(
  t: Tensor<'float32'>,
  a: number,
  generator: Generator = defaultGenerator,
): Tensor<'float32'> {
  const gain = Math.sqrt(2 / (1 + a * a));
  const std = gain / Math.sqrt(fanIn(t.shape));
  const bound = Math.sqrt(3) * std;
  return uniform_(t, -bound, bound, generator);
}

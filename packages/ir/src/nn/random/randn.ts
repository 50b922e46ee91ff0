import { Tensor } from '../../tensor/Tensor.js';
import { defaultGenerator, type Generator } from './Generator.js';

/** Options of the random tensor factories. */
export interface RandomOptions {
  generator?: Generator;
}

function parseArgs(args: readonly (number | readonly number[] | RandomOptions)[]): {
  shape: number[];
  generator: Generator;
} {
  const shape: number[] = [];
  let generator = defaultGenerator;
  for (const a of args) {
    if (typeof a === 'number') shape.push(a);
    else if (Array.isArray(a)) shape.push(...(a as number[]));
    else generator = (a as RandomOptions).generator ?? generator;
  }
  return { shape, generator };
}

/**
 * A float32 tensor of standard normal draws, as `torch.randn`: `randn(2, 100, 256)` or
 * `randn([2, 100, 256], { generator })`.
 */
export function randn(...args: (number | readonly number[] | RandomOptions)[]): Tensor<'float32'> {
  const { shape, generator } = parseArgs(args);
  const t = Tensor.zeros('float32', shape);
  generator.fillNormalFloat32(t.data);
  return t;
}

/** A float32 tensor of U[0, 1) draws, as `torch.rand`. */
export function rand(...args: (number | readonly number[] | RandomOptions)[]): Tensor<'float32'> {
  const { shape, generator } = parseArgs(args);
  const t = Tensor.zeros('float32', shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = generator.uniformFloat32(0, 1);
  return t;
}

import type { TensorType } from '../../graph/TensorType.js';
import { formatShape } from '../../shape/Shape.js';
import type { InferenceContext } from '../OpDefinition.js';

/** The attributes Conv and ConvTranspose share: their window over the spatial dims and their groups. */
export const CONVOLUTION_ATTRIBUTES = {
  strides: { kind: 'ints' },
  pads: { kind: 'ints' },
  dilations: { kind: 'ints' },
  group: { kind: 'int', default: 1 },
  kernel_shape: { kind: 'ints' },
} as const;

/** A convolution's input and weight, checked to fit each other, and its kernel. */
export interface ConvolutionOperands {
  readonly x: TensorType;
  readonly w: TensorType;
  /** The number of spatial dims. */
  readonly rank: number;
  /** The weight's spatial dims. */
  readonly kernel: readonly number[];
}

/**
 * The input X `[N, C, d...]` and weight W (`weightLayout`, e.g. `[O, I/group, k...]`) of a Conv or
 * ConvTranspose: W has at least one spatial dim, all static, and X as many.
 */
export function convolutionOperands(ctx: InferenceContext, weightLayout: string): ConvolutionOperands {
  const x = ctx.requireInput(0);
  const w = ctx.requireInput(1);
  const rank = w.shape.length - 2;
  if (rank < 1) ctx.fail(`weight must be ${weightLayout}, got ${formatShape(w.shape)}`);
  if (x.shape.length !== rank + 2)
    ctx.fail(`input ${formatShape(x.shape)} does not fit weight ${formatShape(w.shape)}`);
  const kernel = w.shape.slice(2);
  if (!kernel.every((k): k is number => typeof k === 'number')) ctx.fail('weight spatial dims must be static');
  return { x, w, rank, kernel: kernel as number[] };
}

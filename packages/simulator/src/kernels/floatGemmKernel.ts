import { type Kernel, type KernelContext, Tensor } from '@qtk/ir';
import { floatInput, optionalInput } from './kernelInputs.js';

/** A GEMM's sums `x W (+ b)` in double with the output shape (the integer kernels reuse them). */
export type GemmAccumulate = (
  ctx: KernelContext,
  x: Tensor,
  w: Tensor,
  bias: Tensor | undefined,
) => { acc: Float64Array; shape: number[] };

/**
 * The float kernel of a GEMM with a weight and an optional bias (Linear, Conv, ConvTranspose): its
 * `accumulate` in double over the float input, weight and bias, rounded once to the input's dtype.
 */
export function floatGemmKernel(accumulate: GemmAccumulate): Kernel {
  return (ctx) => {
    const x = floatInput(ctx, 0);
    const w = floatInput(ctx, 1);
    const bias = optionalInput(ctx, 2) ? floatInput(ctx, 2) : undefined;
    const { acc, shape } = accumulate(ctx, x, w, bias);
    const out = Tensor.zeros(x.dtype, shape);
    out.data.set(acc);
    return [out];
  };
}

import type { Kernel, KernelContext, Tensor } from '@qtk/ir';
import { convAccumulate } from '../kernels/conv.js';
import { convTransposeAccumulate } from '../kernels/convTranspose.js';
import type { GemmAccumulate } from '../kernels/floatGemmKernel.js';
import { optionalInput, requiredInput } from '../kernels/kernelInputs.js';
import { linearAccumulate, matMulAccumulate } from '../kernels/matmul.js';
import { nodeError } from '../kernels/nodeError.js';
import { outputStage } from './outputStage.js';

function integerOperand(ctx: KernelContext, index: number, what: string, dtypes: readonly string[]): Tensor {
  const t = requiredInput(ctx, index);
  if (!dtypes.includes(t.dtype)) throw nodeError(ctx, `${what} is ${t.dtype}, expected ${dtypes.join(' or ')}`);
  return t;
}

const ACTIVATIONS = ['int8', 'int16'];

/**
 * The integer kernel of a GEMM with a weight and an optional int32 bias: int8/int16 input and
 * weight, `accumulate`'s exact sums, the output stage per channel along `channelAxis` of the result.
 */
function integerGemmKernel(accumulate: GemmAccumulate, channelAxis: (shape: readonly number[]) => number): Kernel {
  return (ctx) => {
    const x = integerOperand(ctx, 0, 'input', ACTIVATIONS);
    const w = integerOperand(ctx, 1, 'weight', ACTIVATIONS);
    const b = optionalInput(ctx, 2) ? integerOperand(ctx, 2, 'bias', ['int32']) : undefined;
    const { acc, shape } = accumulate(ctx, x, w, b);
    return [outputStage(ctx, acc, shape, channelAxis(shape))];
  };
}

/**
 * Integer Linear: exact int32 sums (products of int8/int16 are exact in double, and so are sums of
 * up to 2^22 of them), the accumulator rule, then the output stage per output channel (last axis).
 */
export const integerLinearKernel: Kernel = integerGemmKernel(linearAccumulate, (shape) => shape.length - 1);

/** Integer Conv: exact int32 sums, the accumulator rule, the output stage per output channel (axis 1). */
export const integerConvKernel: Kernel = integerGemmKernel(convAccumulate, () => 1);

/** Integer MatMul of two activations: exact int32 sums, then a per-tensor output stage. */
export const integerMatMulKernel: Kernel = (ctx) => {
  const a = integerOperand(ctx, 0, 'A', ACTIVATIONS);
  const b = integerOperand(ctx, 1, 'B', ACTIVATIONS);
  const { acc, shape } = matMulAccumulate(ctx, a, b);
  return [outputStage(ctx, acc, shape, Math.max(0, shape.length - 1))];
};

/**
 * Integer ConvTranspose: exact int32 sums (the same scatter as the float kernel, in double, where
 * int8/int16 products and their sums are exact), the accumulator rule, then the output stage per
 * output channel (axis 1).
 */
export const integerConvTransposeKernel: Kernel = integerGemmKernel(convTransposeAccumulate, () => 1);

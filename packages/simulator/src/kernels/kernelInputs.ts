import type { DType, KernelContext, Tensor } from '@qtk/ir';
import { formatShape, isFloatDType } from '@qtk/ir';
import { nodeError } from './nodeError.js';

/** Input `index` of the node, which must be present. */
export function requiredInput(ctx: KernelContext, index: number): Tensor {
  const t = ctx.inputs[index];
  if (!t) throw nodeError(ctx, `input ${index} is missing`);
  return t;
}

/** Input `index` when present, `undefined` when the optional input is absent. */
export function optionalInput(ctx: KernelContext, index: number): Tensor | undefined {
  return ctx.inputs[index] ?? undefined;
}

/** Input `index`, which must be float32 or float64 (the dtypes the float kernels compute in). */
export function floatInput(ctx: KernelContext, index: number): Tensor<'float32' | 'float64'> {
  const t = requiredInput(ctx, index);
  if (!isFloatDType(t.dtype)) throw nodeError(ctx, `input ${index} is ${t.dtype}, expected float32 or float64`);
  return t as Tensor<'float32' | 'float64'>;
}

/** Checks that `t` has `dtype`; `what` names it in the error. */
export function requireDType(ctx: KernelContext, t: Tensor, dtype: DType, what: string): void {
  if (t.dtype !== dtype) throw nodeError(ctx, `${what} is ${t.dtype}${formatShape(t.shape)}, expected ${dtype}`);
}

/** The values of a small integer input (axes, starts, a shape) as numbers. */
export function integerValues(ctx: KernelContext, index: number, what: string): number[] {
  const t = requiredInput(ctx, index);
  if (t.dtype !== 'int64' && t.dtype !== 'int32')
    throw nodeError(ctx, `${what} must be int64 or int32, got ${t.dtype}`);
  return t.toNumbers();
}

import { formatShape, type Kernel, type KernelContext, Tensor } from '@qtk/ir';
import { broadcastConcrete, forEachBroadcastRow } from './broadcast.js';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';
import type { NumberStorage } from './storage.js';

/** The inputs of a variadic op, checked to share a dtype, and their broadcast shape. */
function variadicInputs(ctx: KernelContext): { inputs: Tensor[]; shape: number[] } {
  const inputs = ctx.inputs.map((_, i) => requiredInput(ctx, i));
  const first = inputs[0];
  if (!first) throw nodeError(ctx, 'needs at least one input');
  for (const [i, t] of inputs.entries()) {
    if (t.dtype === 'bool') throw nodeError(ctx, 'inputs must be numeric, got bool');
    if (t.dtype !== first.dtype) throw nodeError(ctx, `input ${i} is ${t.dtype}, input 0 is ${first.dtype}`);
  }
  const shape = broadcastConcrete(...inputs.map((t) => t.shape));
  if (!shape) throw nodeError(ctx, `shapes ${inputs.map((t) => formatShape(t.shape)).join(', ')} do not broadcast`);
  return { inputs, shape };
}

/**
 * Folds the inputs left to right into an accumulator of the output's shape: `acc = f(acc, input)`
 * elementwise, the first input broadcast into it; integer and float inputs in their own storage
 * (float32 rounded at each step, as onnxruntime sums), int64 as bigints.
 */
function foldInputs(
  ctx: KernelContext,
  f: (a: number, b: number) => number,
  g: (a: bigint, b: bigint) => bigint,
): Tensor {
  const { inputs, shape } = variadicInputs(ctx);
  const first = inputs[0] as Tensor;
  const out = Tensor.zeros(first.dtype, shape);
  const copy = (src: ArrayLike<number | bigint>) => {
    const dst = out.data as { [i: number]: number | bigint };
    forEachBroadcastRow(shape, [first.shape], (o, offsets, n, steps) => {
      const s = steps[0] as number;
      for (let k = 0, i = offsets[0] as number; k < n; k++, i += s) dst[o + k] = src[i] as number | bigint;
    });
  };
  copy(first.data as ArrayLike<number | bigint>);
  for (const t of inputs.slice(1)) {
    if (out.data instanceof BigInt64Array) {
      const acc = out.data;
      const src = t.data as BigInt64Array;
      forEachBroadcastRow(shape, [t.shape], (o, offsets, n, steps) => {
        const s = steps[0] as number;
        for (let k = 0, i = offsets[0] as number; k < n; k++, i += s)
          acc[o + k] = g(acc[o + k] as bigint, src[i] as bigint);
      });
    } else {
      const acc = out.data as NumberStorage;
      const src = t.data as NumberStorage;
      forEachBroadcastRow(shape, [t.shape], (o, offsets, n, steps) => {
        const s = steps[0] as number;
        for (let k = 0, i = offsets[0] as number; k < n; k++, i += s)
          acc[o + k] = f(acc[o + k] as number, src[i] as number);
      });
    }
  }
  return out;
}

// Math.max and Math.min take no bigints: int64 compares itself.
const bigMax = (a: bigint, b: bigint) => (a > b ? a : b);
const bigMin = (a: bigint, b: bigint) => (a < b ? a : b);

/** ONNX Max over one or more inputs of any numeric dtype; NaN wins, as in NumPy and PyTorch. */
export const maxKernel: Kernel = (ctx) => [foldInputs(ctx, Math.max, bigMax)];

/** ONNX Min over one or more inputs of any numeric dtype; NaN wins, as in NumPy and PyTorch. */
export const minKernel: Kernel = (ctx) => [foldInputs(ctx, Math.min, bigMin)];

function floatOnly(ctx: KernelContext): void {
  const t = requiredInput(ctx, 0);
  if (t.dtype !== 'float32' && t.dtype !== 'float64') throw nodeError(ctx, `input is ${t.dtype}, expected a float`);
}

/** ONNX Sum (floats), added left to right. */
export const sumKernel: Kernel = (ctx) => {
  floatOnly(ctx);
  return [
    foldInputs(
      ctx,
      (a, b) => a + b,
      (a, b) => a + b,
    ),
  ];
};

/** ONNX Mean (floats): the sum, added left to right, divided by the number of inputs. */
export const meanKernel: Kernel = (ctx) => {
  floatOnly(ctx);
  const sum = foldInputs(
    ctx,
    (a, b) => a + b,
    (a, b) => a + b,
  );
  const n = ctx.inputs.length;
  const data = sum.data as Float32Array | Float64Array;
  for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) / n;
  return [sum];
};

import { formatShape, type Kernel, type KernelContext, Tensor } from '@qtk/ir';
import { requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

function bound(ctx: KernelContext, index: number, x: Tensor): number | bigint | undefined {
  const t = ctx.inputs[index];
  if (!t) return undefined;
  const what = index === 1 ? 'min' : 'max';
  if (t.dtype !== x.dtype) throw nodeError(ctx, `bound ${what} is ${t.dtype}, input is ${x.dtype}`);
  if (t.size !== 1) throw nodeError(ctx, `bound ${what} must be a scalar, got ${formatShape(t.shape)}`);
  return t.data[0];
}

/**
 * ONNX Clip (opset 13): min(max(x, min), max) with absent bounds not clamping, for floats and
 * integers (int8 included). When min > max every element becomes max, as NumPy and onnxruntime do;
 * NaN stays NaN.
 */
export const clipKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype === 'bool') throw nodeError(ctx, 'input must be numeric, got bool');
  const lo = bound(ctx, 1, x);
  const hi = bound(ctx, 2, x);
  const out = Tensor.zeros(x.dtype, x.shape);
  if (x.data instanceof BigInt64Array) {
    const src = x.data;
    const dst = out.data as BigInt64Array;
    const min = (lo as bigint | undefined) ?? -(2n ** 63n);
    const max = (hi as bigint | undefined) ?? 2n ** 63n - 1n;
    for (let i = 0; i < src.length; i++) {
      let v = src[i];
      if (v < min) v = min;
      if (v > max) v = max;
      dst[i] = v;
    }
  } else {
    const src = x.data;
    const dst = out.data as typeof src;
    const min = (lo as number | undefined) ?? Number.NEGATIVE_INFINITY;
    const max = (hi as number | undefined) ?? Number.POSITIVE_INFINITY;
    for (let i = 0; i < src.length; i++) {
      let v = src[i];
      if (v < min) v = min;
      if (v > max) v = max;
      dst[i] = v;
    }
  }
  return [out];
};

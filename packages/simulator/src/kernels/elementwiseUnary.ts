import { erf, gelu, geluTanh, type Kernel, sigmoid, Tensor } from '@qtk/ir';
import { floatInput, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * A float op applied element by element: computed in double, stored in the input's dtype (so a
 * float32 result is rounded once, as `Math.fround` would).
 */
export function floatUnaryKernel(f: (x: number) => number): Kernel {
  return (ctx) => {
    const x = floatInput(ctx, 0);
    const out = Tensor.zeros(x.dtype, x.shape);
    const src = x.data;
    const dst = out.data;
    for (let i = 0; i < src.length; i++) dst[i] = f(src[i]);
    return [out];
  };
}

export const sqrtKernel: Kernel = floatUnaryKernel(Math.sqrt);
export const erfKernel: Kernel = floatUnaryKernel(erf);
export const expKernel: Kernel = floatUnaryKernel(Math.exp);
export const sigmoidKernel: Kernel = floatUnaryKernel(sigmoid);
export const tanhKernel: Kernel = floatUnaryKernel(Math.tanh);

const geluExactKernel = floatUnaryKernel(gelu);
const geluTanhKernel = floatUnaryKernel(geluTanh);

/** Gelu, exact (`approximate: 'none'`) or the tanh form. */
export const geluKernel: Kernel = (ctx) => {
  const approximate = ctx.attrs.string('approximate');
  if (approximate === 'none') return geluExactKernel(ctx);
  if (approximate === 'tanh') return geluTanhKernel(ctx);
  throw nodeError(ctx, `approximate must be 'none' or 'tanh', got '${approximate}'`);
};

/** max(x, 0) for floats and every integer dtype. NaN stays NaN, as in onnxruntime and PyTorch. */
export const reluKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (x.dtype === 'bool') throw nodeError(ctx, 'input must be numeric, got bool');
  const out = Tensor.zeros(x.dtype, x.shape);
  if (x.data instanceof BigInt64Array) {
    const src = x.data;
    const dst = out.data as BigInt64Array;
    for (let i = 0; i < src.length; i++) dst[i] = src[i] > 0n ? src[i] : 0n;
  } else {
    const src = x.data;
    const dst = out.data as typeof src;
    for (let i = 0; i < src.length; i++) dst[i] = Math.max(src[i], 0);
  }
  return [out];
};

/**
 * Identity, QuantStub and DeQuantStub (the stubs are the identity in float): the input tensor
 * itself, since tensors are never mutated once computed.
 */
export const identityKernel: Kernel = (ctx) => [requiredInput(ctx, 0)];

import { elu, formatShape, hardSigmoid, hardSwish, type Kernel, leakyRelu, selu, softplus, Tensor } from '@qtk/ir';
import { broadcastConcrete, forEachBroadcastRow } from './broadcast.js';
import { floatUnaryKernel } from './elementwiseUnary.js';
import { floatInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

// The scalar functions are `@qtk/ir`'s, which the backends' lookup tables evaluate too: a table
// holds exactly what these kernels compute.

export const hardSigmoidKernel: Kernel = (ctx) => {
  const alpha = ctx.attrs.float('alpha');
  const beta = ctx.attrs.float('beta');
  return floatUnaryKernel((x) => hardSigmoid(x, alpha, beta))(ctx);
};

export const hardSwishKernel: Kernel = floatUnaryKernel(hardSwish);

export const leakyReluKernel: Kernel = (ctx) => {
  const alpha = ctx.attrs.float('alpha');
  return floatUnaryKernel((x) => leakyRelu(x, alpha))(ctx);
};

export const eluKernel: Kernel = (ctx) => {
  const alpha = ctx.attrs.float('alpha');
  return floatUnaryKernel((x) => elu(x, alpha))(ctx);
};

export const seluKernel: Kernel = (ctx) => {
  const alpha = ctx.attrs.float('alpha');
  const gamma = ctx.attrs.float('gamma');
  return floatUnaryKernel((x) => selu(x, alpha, gamma))(ctx);
};

export const softplusKernel: Kernel = floatUnaryKernel(softplus);

/** ONNX PRelu: x where x >= 0, slope x below, the slope broadcast to X's shape. */
export const preluKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  const slope = floatInput(ctx, 1);
  if (slope.dtype !== x.dtype) throw nodeError(ctx, `slope is ${slope.dtype}, X is ${x.dtype}`);
  const out = Tensor.zeros(x.dtype, x.shape);
  const src = x.data;
  const s = slope.data;
  const dst = out.data;
  const shape = broadcastConcrete(x.shape, slope.shape);
  if (!shape || shape.length !== x.rank || shape.some((d, i) => d !== x.shape[i])) {
    throw nodeError(ctx, `slope ${formatShape(slope.shape)} does not broadcast to X ${formatShape(x.shape)}`);
  }
  forEachBroadcastRow(x.shape, [x.shape, slope.shape], (o, offsets, n, steps) => {
    const si = steps[0] as number;
    const sj = steps[1] as number;
    for (let k = 0, i = offsets[0] as number, j = offsets[1] as number; k < n; k++, i += si, j += sj) {
      dst[o + k] = leakyRelu(src[i] as number, s[j] as number);
    }
  });
  return [out];
};

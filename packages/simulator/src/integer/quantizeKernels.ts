import {
  dequantizeTensor,
  type Kernel,
  normalizeAxis,
  type QuantParams,
  quantizeTensor,
  type RoundingMode,
} from '@qtk/ir';
import { floatInput, requiredInput } from '../kernels/kernelInputs.js';
import { nodeError } from '../kernels/nodeError.js';
import { numberStorage } from '../kernels/storage.js';
import { requantize } from './outputStage.js';

function axisOf(ctx: Parameters<Kernel>[0], rank: number): number | undefined {
  if (!ctx.attrs.has('axis')) return undefined;
  const a = normalizeAxis(ctx.attrs.int('axis'), rank);
  if (a === undefined) throw nodeError(ctx, `axis ${ctx.attrs.int('axis')} out of range for rank ${rank}`);
  return a;
}

/** float32 -> int8/int16 with `@qtk/ir`'s quantization arithmetic, counting saturated values. */
export const quantizeKernel: Kernel = (ctx) => {
  const x = floatInput(ctx, 0);
  const axis = axisOf(ctx, x.rank);
  const dtype = ctx.attrs.string('out_dtype') === 'int16' ? 'qint16' : 'qint8';
  const scales = ctx.attrs.floats('scales');
  const params: QuantParams = {
    dtype,
    scales:
      axis === undefined || scales.length > 1
        ? scales
        : new Array<number>(x.shape[axis] as number).fill(scales[0] as number),
    rounding: ctx.attrs.string('rounding') as RoundingMode,
    ...(axis !== undefined ? { axis } : {}),
  };
  const stats = { saturated: 0 };
  const q = quantizeTensor(x, params, `node '${ctx.node.name}'`, stats);
  if (stats.saturated > 0) ctx.count('saturated', stats.saturated);
  return [q];
};

/** int8/int16/int32 -> float32: `x * scale` per channel. */
export const dequantizeKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (!['int8', 'int16', 'int32'].includes(x.dtype))
    throw nodeError(ctx, `input is ${x.dtype}, expected int8, int16 or int32`);
  const axis = axisOf(ctx, x.rank);
  const scales = ctx.attrs.floats('scales');
  return [
    dequantizeTensor(
      x,
      {
        dtype: 'qint32',
        scales:
          axis === undefined || scales.length > 1
            ? scales
            : new Array<number>(x.shape[axis] as number).fill(scales[0] as number),
        ...(axis !== undefined ? { axis } : {}),
      },
      `node '${ctx.node.name}'`,
    ),
  ];
};

/** Integer requantization to int8/int16 (fixed-point multiplier and shift per channel). */
export const rescaleKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  if (!['int8', 'int16', 'int32'].includes(x.dtype))
    throw nodeError(ctx, `input is ${x.dtype}, expected int8, int16 or int32`);
  const axis = axisOf(ctx, x.rank) ?? 0;
  return [
    requantize(ctx, numberStorage(x), x.shape, axis, ctx.attrs.string('out_dtype') === 'int16' ? 'int16' : 'int8'),
  ];
};

import type { Dim } from '../../shape/Shape.js';
import { Conv as FloatConv } from '../core/conv.js';
import { ConvTranspose as FloatConvTranspose } from '../core/convTranspose.js';
import { Linear as FloatLinear, MatMul as FloatMatMul } from '../core/gemm.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { checkOutputStage, isIntegerActivation, OUTPUT_STAGE_ATTRIBUTES } from './outputStage.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

function checkOperands(ctx: InferenceContext, biasIndex: number | undefined): void {
  const x = ctx.requireInput(0);
  const w = ctx.requireInput(1);
  if (!isIntegerActivation(x.dtype)) ctx.fail(`input must be int8 or int16, got ${x.dtype}`);
  if (!isIntegerActivation(w.dtype)) ctx.fail(`weight must be int8 or int16, got ${w.dtype}`);
  const b = biasIndex === undefined ? undefined : ctx.inputType(biasIndex);
  if (b && b.dtype !== 'int32') ctx.fail(`bias must be int32, got ${b.dtype}`);
}

/**
 * Integer Linear on the TAE: `acc[..., n] = sum_k x[..., k] W[n, k] + B[n]` in int32 (x int8 or
 * int16, W per-channel int8/int16 `[out, in]`, B int32 at scale s_x s_w[n]), then the output stage
 * ({@link OUTPUT_STAGE_ATTRIBUTES}) per output channel n.
 */
export const IntegerLinear: OpDefinition<'Linear'> = {
  op: 'Linear',
  domain: QTK_DOMAIN,
  summary: 'Integer linear: int32 accumulation, then requantize / int32 / float32 output per channel.',
  inputs: FloatLinear.inputs,
  outputs: FloatLinear.outputs,
  attributes: OUTPUT_STAGE_ATTRIBUTES,
  inferTypes(ctx) {
    checkOperands(ctx, 2);
    const [y] = FloatLinear.inferTypes(ctx);
    const dtype = checkOutputStage(ctx, ctx.requireInput(1).shape[0] as Dim);
    return [{ dtype, shape: y?.shape ?? [] }];
  },
};

/**
 * Integer convolution on the TAE (NCHW, groups, strides, pads, dilations as the float Conv):
 * int32 accumulation plus B, then the output stage per output channel (axis 1).
 */
export const IntegerConv: OpDefinition<'Conv'> = {
  op: 'Conv',
  domain: QTK_DOMAIN,
  summary: 'Integer convolution: int32 accumulation, then requantize / int32 / float32 output per channel.',
  inputs: FloatConv.inputs,
  outputs: FloatConv.outputs,
  attributes: { ...FloatConv.attributes, ...OUTPUT_STAGE_ATTRIBUTES },
  inferTypes(ctx) {
    checkOperands(ctx, 2);
    const [y] = FloatConv.inferTypes(ctx);
    const dtype = checkOutputStage(ctx, ctx.requireInput(1).shape[0] as Dim);
    return [{ dtype, shape: y?.shape ?? [] }];
  },
};

/** Integer matrix product of two activations (NumPy semantics), int32, then a per-tensor output stage. */
export const IntegerMatMul: OpDefinition<'MatMul'> = {
  op: 'MatMul',
  domain: QTK_DOMAIN,
  summary: 'Integer matmul of two activations: int32 accumulation, then the output stage (per tensor).',
  inputs: FloatMatMul.inputs,
  outputs: FloatMatMul.outputs,
  attributes: OUTPUT_STAGE_ATTRIBUTES,
  inferTypes(ctx) {
    checkOperands(ctx, undefined);
    const [y] = FloatMatMul.inferTypes(ctx);
    const dtype = checkOutputStage(ctx, 1);
    return [{ dtype, shape: y?.shape ?? [] }];
  },
};

/**
 * Integer transposed convolution on the TAE (NC[D]HW; groups, strides, pads, dilations and
 * output_padding as the float ConvTranspose; W `[C_in, C_out/group, k...]` int8/int16): every
 * product accumulated into its output position in int32, plus B (int32 at s_x s_w[c]), then the
 * output stage per output channel (axis 1, C_out = W[1] x group entries, or one).
 */
export const IntegerConvTranspose: OpDefinition<'ConvTranspose'> = {
  op: 'ConvTranspose',
  domain: QTK_DOMAIN,
  summary: 'Integer transposed convolution: int32 accumulation, then requantize / int32 / float32 output per channel.',
  inputs: FloatConvTranspose.inputs,
  outputs: FloatConvTranspose.outputs,
  attributes: { ...FloatConvTranspose.attributes, ...OUTPUT_STAGE_ATTRIBUTES },
  inferTypes(ctx) {
    checkOperands(ctx, 2);
    const [y] = FloatConvTranspose.inferTypes(ctx);
    const perGroup = ctx.requireInput(1).shape[1] as Dim;
    const dtype = checkOutputStage(ctx, typeof perGroup === 'number' ? perGroup * ctx.attrs.int('group') : perGroup);
    return [{ dtype, shape: y?.shape ?? [] }];
  },
};

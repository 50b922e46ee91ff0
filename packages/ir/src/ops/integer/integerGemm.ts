import type { AttributeSpec } from '../../graph/Attribute.js';
import type { Dim } from '../../shape/Shape.js';
import { Conv as FloatConv } from '../core/conv.js';
import { ConvTranspose as FloatConvTranspose } from '../core/convTranspose.js';
import { Linear as FloatLinear, MatMul as FloatMatMul } from '../core/gemm.js';
import type { CoreOpDefinition, InferenceContext, OpDefinition } from '../OpDefinition.js';
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
 * An integer GEMM on the TAE with `float`'s inputs, outputs and shape inference: int8/int16
 * operands, an int32 bias at `biasIndex` (if any), and the output stage over the output channels
 * `outputChannels` reads from the node.
 */
function integerGemmOp<N extends string>(
  float: CoreOpDefinition<N>,
  summary: string,
  attributes: Readonly<Record<string, AttributeSpec>>,
  biasIndex: number | undefined,
  outputChannels: (ctx: InferenceContext) => Dim,
): OpDefinition<N> {
  return {
    op: float.op,
    domain: QTK_DOMAIN,
    summary,
    inputs: float.inputs,
    outputs: float.outputs,
    attributes,
    inferTypes(ctx) {
      checkOperands(ctx, biasIndex);
      const [y] = float.inferTypes(ctx);
      const dtype = checkOutputStage(ctx, outputChannels(ctx));
      return [{ dtype, shape: y?.shape ?? [] }];
    },
  };
}

/**
 * Integer Linear on the TAE: `acc[..., n] = sum_k x[..., k] W[n, k] + B[n]` in int32 (x int8 or
 * int16, W per-channel int8/int16 `[out, in]`, B int32 at scale s_x s_w[n]), then the output stage
 * ({@link OUTPUT_STAGE_ATTRIBUTES}) per output channel n.
 */
export const IntegerLinear: OpDefinition<'Linear'> = integerGemmOp(
  FloatLinear,
  'Integer linear: int32 accumulation, then requantize / int32 / float32 output per channel.',
  OUTPUT_STAGE_ATTRIBUTES,
  2,
  (ctx) => ctx.requireInput(1).shape[0] as Dim,
);

/**
 * Integer convolution on the TAE (NCHW, groups, strides, pads, dilations as the float Conv):
 * int32 accumulation plus B, then the output stage per output channel (axis 1).
 */
export const IntegerConv: OpDefinition<'Conv'> = integerGemmOp(
  FloatConv,
  'Integer convolution: int32 accumulation, then requantize / int32 / float32 output per channel.',
  { ...FloatConv.attributes, ...OUTPUT_STAGE_ATTRIBUTES },
  2,
  (ctx) => ctx.requireInput(1).shape[0] as Dim,
);

/** Integer matrix product of two activations (NumPy semantics), int32, then a per-tensor output stage. */
export const IntegerMatMul: OpDefinition<'MatMul'> = integerGemmOp(
  FloatMatMul,
  'Integer matmul of two activations: int32 accumulation, then the output stage (per tensor).',
  OUTPUT_STAGE_ATTRIBUTES,
  undefined,
  () => 1,
);

/**
 * Integer transposed convolution on the TAE (NC[D]HW; groups, strides, pads, dilations and
 * output_padding as the float ConvTranspose; W `[C_in, C_out/group, k...]` int8/int16): every
 * product accumulated into its output position in int32, plus B (int32 at s_x s_w[c]), then the
 * output stage per output channel (axis 1, C_out = W[1] x group entries, or one).
 */
export const IntegerConvTranspose: OpDefinition<'ConvTranspose'> = integerGemmOp(
  FloatConvTranspose,
  'Integer transposed convolution: int32 accumulation, then requantize / int32 / float32 output per channel.',
  { ...FloatConvTranspose.attributes, ...OUTPUT_STAGE_ATTRIBUTES },
  2,
  (ctx) => {
    const perGroup = ctx.requireInput(1).shape[1] as Dim;
    return typeof perGroup === 'number' ? perGroup * ctx.attrs.int('group') : perGroup;
  },
);

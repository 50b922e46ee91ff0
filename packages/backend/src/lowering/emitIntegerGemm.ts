import {
  type AttributeValue,
  type Node,
  QTK_DOMAIN,
  quantizeMultiplier,
  roundHalfToEven,
  Tensor,
  type Value,
} from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import { gemmOutputPlan } from './gemmOutputPlan.js';
import type { Lowered, LoweredInt } from './Lowered.js';
import type { LoweringContext } from './LoweringContext.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** What the integer GEMM of one QAT node computes from, once its operands are integers. */
export interface IntegerGemmOperands {
  /** The integer op (domain `qtk`). */
  readonly op: 'Linear' | 'Conv' | 'MatMul' | 'ConvTranspose';
  readonly x: LoweredInt;
  /** The weight's integers, laid out as the integer op reads them (or a second activation, MatMul). */
  readonly weight: LoweredInt;
  /** s_w of each output channel (one entry for MatMul). */
  readonly weightScales: readonly number[];
  /** The output's channel axis, for per-channel scales of a high-precision result. */
  readonly channelAxis: number;
  /** The QAT graph's float bias (a constant), if the node has one; MatMul has none. */
  readonly bias?: Value | null;
  /** The op's own attributes (a convolution's geometry). */
  readonly geometry?: Record<string, AttributeValue>;
}

/**
 * Emits one integer GEMM for a QAT node: int32 bias at scale s_x s_w[c], and an output stage that
 * requantizes into the point after it (with its fused ReLU/ReLU6 as the clamp), or keeps the
 * result high-precision (int32 or float32, as the policy says). Returns false when the bias is
 * not a float constant of one value per channel (or one), so the node falls back.
 */
export function emitIntegerGemm(ctx: LoweringContext, node: Node, operands: IntegerGemmOperands): boolean {
  const { op, x, weight, weightScales: sw, channelAxis } = operands;
  const sx = x.scales[0] as number;
  const channels = sw.length;
  const sAcc = sw.map((s) => sx * s);

  let bias = null;
  const b = operands.bias;
  if (b) {
    if (!b.constant || (b.type.dtype !== 'float32' && b.type.dtype !== 'float64')) return false;
    const values = b.constant.toNumbers();
    if (values.length !== channels && values.length !== 1) return false;
    let clipped = 0;
    const q = Int32Array.from({ length: channels }, (_, c) => {
      const v = roundHalfToEven((values[values.length === 1 ? 0 : c] as number) / (sAcc[c] as number));
      if (v < INT32_MIN || v > INT32_MAX) clipped++;
      return Math.min(Math.max(v, INT32_MIN), INT32_MAX);
    });
    if (clipped)
      ctx.warnings.push(`${node.name}: ${clipped} bias values do not fit int32 at scale s_in s_w and were clipped`);
    bias = ctx.graph.addConstant(`${b.name}_int32`, new Tensor('int32', [channels], q));
  }

  const plan = gemmOutputPlan(node, new Set(ctx.source.outputs));
  const stage: Record<string, AttributeValue> = {
    overflow: ctx.policy.accumulatorOverflow,
    input_scale: [sx],
    weight_scales: [...sw],
  };
  // What the emitted output is, once it exists.
  let describe: (value: Value) => Lowered;
  if (plan.fq) {
    const target = fakeQuantTarget(plan.fq);
    const sOut = target.scales[0] as number;
    const params = sAcc.map((s) => quantizeMultiplier(s / sOut, node.name));
    Object.assign(stage, {
      out_dtype: target.dtype,
      multipliers: params.map((p) => p.multiplier),
      shifts: params.map((p) => p.shift),
      output_scale: [sOut],
      ...clampOf(plan.activation, sOut),
    });
    describe = (value) => ({ kind: 'int', value, dtype: target.dtype, scales: [sOut] });
  } else if (ctx.policy.highPrecisionGemmOutput === 'int32') {
    stage.out_dtype = 'int32';
    describe = (value) => ({
      kind: 'int',
      value,
      dtype: 'int32',
      scales: sAcc,
      ...(sAcc.length > 1 ? { axis: channelAxis } : {}),
    });
  } else {
    Object.assign(stage, { out_dtype: 'float32', out_scales: sAcc });
    describe = (value) => ({ kind: 'float', value });
  }
  const out = ctx
    .emit({
      op,
      domain: QTK_DOMAIN,
      name: node.name,
      inputs: op === 'MatMul' ? [x.value, weight.value] : [x.value, weight.value, bias],
      attrs: { ...operands.geometry, ...stage },
      outputs: [node.output().name],
      unit: ctx.policy.units.gemm,
    })
    .output();
  const lowered = describe(out);
  if (plan.fq) {
    ctx.consume(plan.fq);
    if (plan.activation) ctx.consume(plan.activation);
    ctx.set(plan.fq.output(), lowered);
  } else {
    ctx.set(node.output(), lowered);
  }
  return true;
}

/** The requantization clamp of a fused ReLU (min 0) or ReLU6 (Clip bounds) at the output scale. */
function clampOf(activation: Node | undefined, sOut: number): Record<string, number> {
  if (!activation) return {};
  if (activation.op === 'Relu') return { clamp_min: 0 };
  const bound = (i: number) => activation.inputs[i]?.constant?.toNumbers()[0];
  const lo = bound(1);
  const hi = bound(2);
  return {
    ...(lo !== undefined ? { clamp_min: roundHalfToEven(lo / sOut) } : {}),
    ...(hi !== undefined ? { clamp_max: roundHalfToEven(hi / sOut) } : {}),
  };
}

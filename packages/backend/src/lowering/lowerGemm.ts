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

/** A 2-D int tensor [rows, cols] transposed. */
function transpose2d(t: Tensor): Tensor {
  const [rows, cols] = t.shape as [number, number];
  const out = Tensor.zeros(t.dtype, [cols, rows]);
  const src = t.data as Int8Array;
  const dst = out.data as Int8Array;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c] as number;
  return out;
}

/** The weight as `[out, ...]` integers with one scale per output channel, or undefined. */
function weightOutFirst(ctx: LoweringContext, node: Node): LoweredInt | undefined {
  const w = node.inputs[1];
  if (!w) return undefined;
  const l = ctx.get(w);
  if (l.kind !== 'int' || !l.value.constant || l.dtype === 'int32') return undefined;
  const transB = node.op === 'Gemm' ? ctx.source.registry.attributesOf(node).int('transB') : 1;
  const rank = l.value.type.shape.length;
  const outAxis = node.op === 'MatMul' || (node.op === 'Gemm' && transB === 0) ? rank - 1 : 0;
  if (outAxis === 0) return l.axis === 0 || l.scales.length === 1 ? l : undefined;
  if (rank !== 2 || (l.axis !== 1 && l.scales.length !== 1)) return undefined;
  const t = transpose2d(l.value.constant);
  const value = ctx.graph.addConstant(`${l.value.name}_transposed`, t);
  return { kind: 'int', value, dtype: l.dtype, scales: l.scales, ...(l.scales.length > 1 ? { axis: 0 } : {}) };
}

/**
 * A GEMM of the QAT graph as one integer GEMM: int8/int16 input and per-channel weights, int32
 * bias at scale s_x s_w[c], and an output stage that requantizes into the point after it (with its
 * fused ReLU/ReLU6 as the clamp), or keeps the result high-precision (int32 or float32, as the
 * policy says). Returns false when the node is not a GEMM this lowering takes (it then falls back).
 */
export function lowerGemm(ctx: LoweringContext, node: Node): boolean {
  const attrs = ctx.source.registry.attributesOf(node);
  if (node.op === 'Gemm' && (attrs.float('alpha') !== 1 || attrs.float('beta') !== 1 || attrs.int('transA') !== 0))
    return false;
  const x = ctx.get(node.input(0));
  if (x.kind !== 'int' || x.scales.length !== 1 || x.dtype === 'int32') return false;
  const sx = x.scales[0] as number;
  const activation2 = node.op === 'MatMul' && !node.inputs[1]?.constant && ctx.get(node.input(1));
  let weight: LoweredInt | undefined;
  let op: 'Linear' | 'Conv' | 'MatMul';
  if (activation2) {
    if (activation2.kind !== 'int' || activation2.scales.length !== 1 || activation2.dtype === 'int32') return false;
    weight = activation2;
    op = 'MatMul';
  } else {
    weight = weightOutFirst(ctx, node);
    if (!weight) return false;
    op = node.op === 'Conv' ? 'Conv' : 'Linear';
  }
  const channels = op === 'MatMul' ? 1 : (weight.value.type.shape[0] as number);
  const sw =
    weight.scales.length === 1 ? new Array<number>(channels).fill(weight.scales[0] as number) : [...weight.scales];
  const sAcc = sw.map((s) => sx * s);

  let bias = null;
  const b = op === 'MatMul' ? undefined : node.inputs[2];
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
    weight_scales: op === 'MatMul' ? [...weight.scales] : sw,
  };
  const channelAxis = op === 'Conv' ? 1 : node.output().type.shape.length - 1;
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
    const scales = op === 'MatMul' ? [sAcc[0] as number] : sAcc;
    describe = (value) => ({
      kind: 'int',
      value,
      dtype: 'int32',
      scales,
      ...(scales.length > 1 ? { axis: channelAxis } : {}),
    });
  } else {
    Object.assign(stage, { out_dtype: 'float32', out_scales: op === 'MatMul' ? [sAcc[0] as number] : sAcc });
    describe = (value) => ({ kind: 'float', value });
  }
  const geometry = op === 'Conv' ? { ...node.attrs } : {};
  delete (geometry as Record<string, unknown>).kernel_shape;
  const out = ctx
    .emit({
      op,
      domain: QTK_DOMAIN,
      name: node.name,
      inputs: op === 'MatMul' ? [x.value, weight.value] : [x.value, weight.value, bias],
      attrs: { ...geometry, ...stage },
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

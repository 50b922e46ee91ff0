import {
  type AxisTaps,
  isConcreteShape,
  linearTaps,
  type Node,
  type ResizeAttributes,
  type ResizeAxis,
  readResizeAttributes,
  resolveResizeAxes,
} from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import { fixedPointWeightPair, interpolationOutputStage } from './fixedPointInterpolation.js';
import type { LoweringContext } from './LoweringContext.js';
import { lowerPassthrough } from './lowerPassthrough.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { isPerTensorActivation } from './perTensorActivation.js';

/** Why cubic Resize stays in float. */
export const CUBIC_RESIZE_REASON =
  'cubic Resize has no integer kernel: its 16 taps per output, with negative weights, would need a kernel of their own for an op real models rarely quantize';

/**
 * Nearest mode only moves values: the same Resize on the integers, its roi and scales copied as
 * the coordinates they are. A tf_crop_and_resize `extrapolation_value` becomes its code at the
 * input's scale, which it must be exactly (the fake-quant model writes it unquantized).
 */
function lowerNearest(ctx: LoweringContext, node: Node, attrs: ResizeAttributes): LoweringOutcome {
  const extrapolates = attrs.coordinateTransformationMode === 'tf_crop_and_resize' && attrs.extrapolationValue !== 0;
  const x = ctx.get(node.input(0));
  let code = 0;
  if (extrapolates && x.kind === 'int' && x.scales.length === 1) {
    code = attrs.extrapolationValue / (x.scales[0] as number);
    const [lo, hi] = x.dtype === 'int8' ? [-128, 127] : [-32768, 32767];
    if (!Number.isInteger(code) || code < lo || code > hi) {
      return `extrapolation_value ${attrs.extrapolationValue} is not a code of the input's scale ${x.scales[0]}`;
    }
  }
  if (!lowerPassthrough(ctx, node)) return false;
  const emitted = ctx.get(node.output()).value.producer;
  if (extrapolates && emitted) emitted.attrs = { ...emitted.attrs, extrapolation_value: code };
  return true;
}

/** The constant values of input `i`: absent (undefined), or null when computed at run time. */
function constantValues(node: Node, i: number): number[] | undefined | null {
  const v = node.inputs[i];
  if (!v) return undefined;
  return v.constant ? v.constant.toNumbers() : null;
}

/** The taps of one axis of the integer op: linear taps, or each index itself when the shape does not change. */
function axisTaps(attrs: ResizeAttributes, axis: ResizeAxis, copy: boolean): AxisTaps {
  if (!copy) return linearTaps(attrs, axis);
  const n = axis.outLength;
  return {
    taps: 2,
    indices: Int32Array.from({ length: 2 * n }, (_, k) => k >> 1),
    weights: Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? 1 : 0)),
    outside: new Uint8Array(n),
  };
}

/**
 * Linear mode over the last two axes as `qtk::Resize`: each output row and column's two source
 * indices and Q18 weights (from the float model's own coordinates), the int64 sum, one
 * requantization into the point after it.
 */
function lowerLinear(ctx: LoweringContext, node: Node, attrs: ResizeAttributes): LoweringOutcome {
  const fq = outputPoint(ctx, node);
  const x = ctx.get(node.input(0));
  if (!fq || !isPerTensorActivation(x)) return false;
  const shape = node.input(0).type.shape;
  if (!isConcreteShape(shape)) return 'its input shape is not static';
  if (shape.length < 2) return 'it resizes a 1-D tensor';
  if (attrs.coordinateTransformationMode === 'tf_crop_and_resize') {
    return 'tf_crop_and_resize writes extrapolation_value outside the crop, which the integer Resize does not';
  }
  const [scales, sizes] = [constantValues(node, 2), constantValues(node, 3)];
  if (scales === null || sizes === null) return 'its scales or sizes are computed at run time';
  const axes = resolveResizeAxes(shape, attrs, undefined, scales, sizes);
  if (typeof axes === 'string') return false;
  const rank = shape.length;
  if (axes.slice(0, rank - 2).some((a) => a.outLength !== a.inLength || a.scale !== 1)) {
    return 'it resizes an axis other than the last two';
  }
  const copy = axes.every((a) => a.outLength === a.inLength);
  const [ty, tx] = [axes[rank - 2], axes[rank - 1]].map((a) => axisTaps(attrs, a as ResizeAxis, copy)) as [
    AxisTaps,
    AxisTaps,
  ];
  const weights = (t: AxisTaps) =>
    Array.from({ length: t.weights.length / 2 }, (_, k) => fixedPointWeightPair(t.weights[2 * k + 1] as number)).flat();
  const target = fakeQuantTarget(fq);
  const [sIn, sOut] = [x.scales[0] as number, target.scales[0] as number];
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: 'Resize',
    inputs: [x.value],
    attrs: {
      y_indices: [...ty.indices],
      y_weights: weights(ty),
      x_indices: [...tx.indices],
      x_weights: weights(tx),
      ...interpolationOutputStage(sIn, target, node.name),
      input_scale: [sIn],
      output_scale: [sOut],
    },
    unit: ctx.policy.units.vector,
  });
}

/**
 * Resize by its mode: nearest runs on the integers as it is (data movement, scale kept), linear
 * becomes `qtk::Resize` with fixed-point weights, cubic stays in float on the CPU.
 */
export function lowerResize(ctx: LoweringContext, node: Node): LoweringOutcome {
  const attrs = readResizeAttributes(ctx.source.registry.attributesOf(node), node.input(0).type.shape.length);
  if (typeof attrs === 'string') return false;
  if (attrs.mode === 'nearest') return lowerNearest(ctx, node, attrs);
  if (attrs.mode === 'cubic') return CUBIC_RESIZE_REASON;
  return lowerLinear(ctx, node, attrs);
}

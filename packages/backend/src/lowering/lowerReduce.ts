import { type Node, numel, quantizeMultiplier, reductionAxesOf } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { outputPoint } from './outputPoint.js';
import { isPerTensorActivation } from './perTensorActivation.js';

/** The axes a GlobalAveragePool, ReduceMean or ReduceSum node reduces, when fixed by its attributes. */
function fixedAxes(ctx: LoweringContext, node: Node): number[] | undefined {
  const rank = node.input(0).type.shape.length;
  if (node.op === 'GlobalAveragePool') return Array.from({ length: rank - 2 }, (_, i) => i + 2);
  if (node.inputs[1]) return undefined;
  const attrs = ctx.source.registry.attributesOf(node);
  return reductionAxesOf(attrs.optionalInts('axes'), attrs.int('noop_with_empty_axes') !== 0, rank);
}

/**
 * GlobalAveragePool, ReduceMean and ReduceSum as an exact integer sum and one requantization into
 * the output point, whose ratio s_in / (count s_out) folds in the 1/count of a mean (count 1 for a
 * sum). Returns false (a CPU fallback) for axes computed in the model or no axes at all.
 */
export function lowerReduce(ctx: LoweringContext, node: Node): boolean {
  const fq = outputPoint(ctx, node);
  const x = ctx.get(node.input(0));
  if (!fq || !isPerTensorActivation(x)) return false;
  const shape = node.input(0).type.shape;
  const axes = fixedAxes(ctx, node);
  if (!axes || axes.length === 0) return false;
  const reduced = axes.map((a) => shape[a]);
  if (!reduced.every((d): d is number => typeof d === 'number')) return false;
  const count = node.op === 'ReduceSum' ? 1 : numel(reduced);
  const target = fakeQuantTarget(fq);
  const sOut = target.scales[0] as number;
  const m = quantizeMultiplier((x.scales[0] as number) / (count * sOut), node.name);
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: node.op,
    inputs: [x.value],
    attrs: {
      ...(node.op === 'GlobalAveragePool'
        ? {}
        : { axes, keepdims: ctx.source.registry.attributesOf(node).int('keepdims') }),
      multiplier: m.multiplier,
      shift: m.shift,
      out_dtype: target.dtype,
      input_scale: [...x.scales],
      output_scale: [sOut],
    },
    unit: ctx.policy.units.vector,
  });
}

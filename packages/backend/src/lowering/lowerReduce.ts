import { type Node, numel, QTK_DOMAIN, quantizeMultiplier, reductionAxes } from '@qtk/ir';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { outputPoint } from './outputPoint.js';

/**
 * GlobalAveragePool and ReduceMean as an integer sum and one requantization whose ratio
 * s_in / (count s_out) folds the 1/count in.
 */
export function lowerReduce(ctx: LoweringContext, node: Node): boolean {
  const fq = outputPoint(ctx, node);
  const x = ctx.get(node.input(0));
  if (!fq || x.kind !== 'int' || x.scales.length !== 1 || x.dtype === 'int32') return false;
  const shape = node.input(0).type.shape;
  const axes =
    node.op === 'GlobalAveragePool'
      ? shape.map((_, i) => i).slice(2)
      : reductionAxes(ctx.source.registry.attributesOf(node).optionalInts('axes'), shape.length);
  const reduced = axes?.map((a) => shape[a]);
  if (!reduced?.every((d): d is number => typeof d === 'number')) return false;
  const count = numel(reduced);
  const target = fakeQuantTarget(fq);
  const sOut = target.scales[0] as number;
  const m = quantizeMultiplier((x.scales[0] as number) / (count * sOut), node.name);
  const out = ctx.emit({
    op: node.op,
    domain: QTK_DOMAIN,
    name: node.name,
    inputs: [x.value],
    attrs: {
      ...(node.op === 'ReduceMean' ? { ...node.attrs } : {}),
      multiplier: m.multiplier,
      shift: m.shift,
      out_dtype: target.dtype,
      input_scale: [...x.scales],
      output_scale: [sOut],
    },
    outputs: [node.output().name],
    unit: ctx.policy.units.vector,
  });
  ctx.completePoint(fq, out.output(), target.dtype, sOut);
  return true;
}

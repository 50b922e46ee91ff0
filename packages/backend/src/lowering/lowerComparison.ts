import type { Node, Value } from '@qtk/ir';
import { gridConstant } from './gridConstant.js';
import type { LoweringContext } from './LoweringContext.js';
import { isPerTensorActivation, type PerTensorActivation } from './perTensorActivation.js';

/** True when two activations have one dtype and one scale: their codes order as their values do. */
function sameGrid(a: PerTensorActivation, b: PerTensorActivation): boolean {
  return a.dtype === b.dtype && a.scales[0] === b.scales[0];
}

/**
 * Equal, Less, Greater, LessOrEqual, GreaterOrEqual: the bool they give is never quantized. Two
 * activations of one dtype and scale (or one and a constant that is exactly one of its codes, as
 * `x > 0` is) compare as integers on the VAE, exactly as the float model compares their values.
 * Otherwise a quantized input is dequantized and the comparison runs on the CPU, as shape and
 * index arithmetic does; inputs that are not quantized (int64 indices) need nothing.
 */
export function lowerComparison(ctx: LoweringContext, node: Node): boolean {
  const [a, b] = [ctx.get(node.input(0)), ctx.get(node.input(1))];
  const aInt = isPerTensorActivation(a);
  const bInt = isPerTensorActivation(b);
  if (a.kind !== 'int' && b.kind !== 'int') return false;
  let inputs: Value[] | undefined;
  if (aInt && bInt && sameGrid(a, b)) inputs = [a.value, b.value];
  else if (aInt && b.kind === 'float') {
    const k = gridConstant(ctx, node.input(1), a, `${node.name}.B_int`);
    if (k) inputs = [a.value, k];
  } else if (bInt && a.kind === 'float') {
    const k = gridConstant(ctx, node.input(0), b, `${node.name}.A_int`);
    if (k) inputs = [k, b.value];
  }
  const unit = inputs ? ctx.policy.units.vector : ctx.policy.units.fallback;
  const out = ctx.emit({
    op: node.op,
    name: node.name,
    inputs: inputs ?? [a, b].map((l) => ctx.toFloat(l, ctx.policy.units.fallback).value),
    outputs: [node.output().name],
    unit,
  });
  ctx.set(node.output(), { kind: 'float', value: out.output() });
  return true;
}

import type { Node } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';

/**
 * Cast is dtype bookkeeping: a cast to float32 of a quantized activation is the activation itself
 * (its integers already stand for float32 values); any other cast of one runs on the CPU after a
 * dequantize (`x.long()`); casts of tensors that are not quantized (shapes, indices, masks) run on
 * the CPU as they are.
 */
export function lowerCast(ctx: LoweringContext, node: Node): boolean {
  const x = ctx.get(node.input(0));
  if (x.kind === 'int' && node.output().type.dtype === 'float32') {
    ctx.set(node.output(), x);
    return true;
  }
  const out = ctx.emit({
    op: 'Cast',
    name: node.name,
    inputs: [ctx.toFloat(x, ctx.policy.units.fallback).value],
    attrs: { ...node.attrs },
    outputs: [node.output().name],
    unit: ctx.policy.units.fallback,
  });
  ctx.set(node.output(), { kind: 'float', value: out.output() });
  return true;
}

import { Tensor, type Value } from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';
import type { PerTensorActivation } from './perTensorActivation.js';

/**
 * A float constant as integers at an activation's dtype and scale, when every element is exactly
 * one of its codes (`fround(k s)` for an integer k in range: 0 always is): comparing or selecting
 * those integers then computes what the float model does. `undefined` when one is not (-inf, 0.3
 * between two codes), since rounding it would change the result.
 */
export function gridConstant(
  ctx: LoweringContext,
  v: Value,
  like: PerTensorActivation,
  name: string,
): Value | undefined {
  const c = v.constant;
  if (!c || (c.dtype !== 'float32' && c.dtype !== 'float64')) return undefined;
  const s = like.scales[0] as number;
  const [qmin, qmax] = like.dtype === 'int8' ? [-128, 127] : [-32768, 32767];
  const round = c.dtype === 'float32' ? Math.fround : (x: number) => x;
  const codes: number[] = [];
  for (const x of c.toNumbers()) {
    const k = Math.round(x / s);
    if (!(k >= qmin && k <= qmax) || round(k * s) !== x) return undefined;
    codes.push(k + 0);
  }
  const t = Tensor.zeros(like.dtype, c.shape);
  (t.data as Int8Array | Int16Array).set(codes);
  return ctx.graph.addConstant(ctx.graph.uniqueValueName(name), t);
}

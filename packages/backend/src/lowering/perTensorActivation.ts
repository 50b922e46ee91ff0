import type { Node } from '@qtk/ir';
import type { Lowered, LoweredInt } from './Lowered.js';
import type { LoweringContext } from './LoweringContext.js';

/** An int8/int16 tensor with one scale: what the VAE's elementwise integer ops take. */
export type PerTensorActivation = LoweredInt & { readonly dtype: 'int8' | 'int16' };

/** True when `l` is a {@link PerTensorActivation}. */
export function isPerTensorActivation(l: Lowered): l is PerTensorActivation {
  return l.kind === 'int' && l.scales.length === 1 && l.dtype !== 'int32';
}

/** Why input `i` does not fit an integer op, when it does not. */
export function activationMismatch(l: Lowered, i: number): string | undefined {
  if (isPerTensorActivation(l)) return undefined;
  if (l.kind === 'float') return `input ${i} is not quantized`;
  return l.dtype === 'int32' ? `input ${i} is an int32 high-precision output` : `input ${i} has per-channel scales`;
}

/** Input `i` of `node` as converted, when it is a {@link PerTensorActivation}; otherwise why it does not fit. */
export function perTensorInput(ctx: LoweringContext, node: Node, i: number): PerTensorActivation | string {
  const l = ctx.get(node.input(i));
  return activationMismatch(l, i) ?? (l as PerTensorActivation);
}

/** Every input of `node` as converted, when each is a {@link PerTensorActivation}; otherwise why the first that is not does not fit. */
export function perTensorInputs(ctx: LoweringContext, node: Node): PerTensorActivation[] | string {
  const inputs = node.inputs.map((_, i) => ctx.get(node.input(i)));
  for (const [i, l] of inputs.entries()) {
    const why = activationMismatch(l, i);
    if (why) return why;
  }
  return inputs as PerTensorActivation[];
}

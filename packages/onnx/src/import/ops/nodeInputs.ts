import type { Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';

/**
 * The node's inputs, checked to number between `required` and `total` and with the first
 * `required` present; absent optional inputs are `null`.
 */
export function nodeInputs(ctx: NodeImportContext, required: number, total = required): (Value | null)[] {
  if (ctx.inputCount < required || ctx.inputCount > total) {
    const expected = required === total ? `${required}` : `${required} to ${total}`;
    ctx.fail(`has ${ctx.inputCount} inputs, expected ${expected}`);
  }
  return Array.from({ length: ctx.inputCount }, (_, i) => (i < required ? ctx.requireInput(i) : ctx.input(i)));
}

import type { Value } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';
import { copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** A reduction of the opsets where `axes` is an attribute; empty or absent means all axes. */
function importAxesAttribute(ctx: NodeImportContext, op: string): void {
  const x = nodeInputs(ctx, 1)[0] as Value;
  const attrs = copyAttributes(ctx, { keepdims: 'int' });
  const axes = ctx.attrs.ints('axes');
  if (axes && axes.length > 0) attrs.axes = axes;
  ctx.emit(op, [x], attrs);
}

/**
 * A reduction of the opsets where `axes` is an optional input, with `noop_with_empty_axes`. Constant
 * axes become the core op's attribute (and empty ones with the flag the identity); computed ones
 * stay an input, read when the model runs.
 */
function importAxesInput(ctx: NodeImportContext, op: string): void {
  const [x, axesInput] = nodeInputs(ctx, 1, 2) as [Value, Value | null | undefined];
  const attrs = copyAttributes(ctx, { keepdims: 'int' });
  const noop = (ctx.attrs.int('noop_with_empty_axes') ?? 0) !== 0;
  if (axesInput && !axesInput.constant) {
    if (noop) attrs.noop_with_empty_axes = 1;
    ctx.emit(op, [x, axesInput], attrs);
    return;
  }
  const axes = axesInput?.constant?.toNumbers() ?? [];
  if (axes.length === 0 && noop) {
    ctx.emit('Identity', [x]);
    return;
  }
  if (axes.length > 0) attrs.axes = axes;
  ctx.emit(op, [x], attrs);
}

/** The importer of a reduction whose `axes` became an input at opset `axesInputSince`. */
function reductionImporter(op: string, axesInputSince: number): OnnxOpImporter {
  return {
    op,
    since: 1,
    import(ctx) {
      if (ctx.opset < axesInputSince) importAxesAttribute(ctx, op);
      else importAxesInput(ctx, op);
    },
  };
}

/** ReduceMean: `axes` an attribute up to opset 17, an input from 18. */
export const reduceMeanImporter = reductionImporter('ReduceMean', 18);

/** ReduceSum: `axes` an attribute up to opset 12, an input from 13. */
export const reduceSumImporter = reductionImporter('ReduceSum', 13);

/** ReduceMax: `axes` an attribute up to opset 17, an input from 18. */
export const reduceMaxImporter = reductionImporter('ReduceMax', 18);

/** ReduceMin: `axes` an attribute up to opset 17, an input from 18. */
export const reduceMinImporter = reductionImporter('ReduceMin', 18);

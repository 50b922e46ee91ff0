import { QtkError, Tensor } from '@qtk/ir';
import type { NodeLowering } from '../ExportContext.js';
import { lowerAsIs } from './lowerAsIs.js';

/**
 * A reduction whose `axes` ONNX moved from an attribute to an input at opset `axesInputSince`
 * (ReduceSum 13, ReduceMean/Max/Min 18). Axes the model computes (the core op's input) need that
 * opset; `noop_with_empty_axes` exists only from it on (before, empty axes with it are written as
 * Identity).
 */
export function lowerReduction(axesInputSince: number): NodeLowering {
  return (node, ctx) => {
    const axes = node.attrs.axes as readonly number[] | undefined;
    if (ctx.opset < axesInputSince) {
      if (node.inputs[1]) {
        throw new QtkError(
          'onnx.export-unsupported',
          `node '${node.name}' (${node.op}) reduces axes the model computes; ONNX needs opset ${axesInputSince} or later for that`,
        );
      }
      const identity = node.attrs.noop_with_empty_axes === 1 && (axes ?? []).length === 0;
      ctx.emit({
        op: identity ? 'Identity' : node.op,
        name: node.name,
        inputs: [ctx.valueName(node.input(0))],
        outputs: [ctx.valueName(node.output())],
        attributes: identity ? [] : ctx.attributesOf(node, { noop_with_empty_axes: null }),
      });
      return;
    }
    if (axes === undefined) {
      lowerAsIs(node, ctx);
      return;
    }
    const axesName = ctx.addInitializer(`/${node.name}/axes`, Tensor.int64([axes.length], axes));
    ctx.emit({
      op: node.op,
      name: node.name,
      inputs: [ctx.valueName(node.input(0)), axesName],
      outputs: [ctx.valueName(node.output())],
      attributes: ctx.attributesOf(node, { axes: null }),
    });
  };
}

/** ReduceMean: `axes` is an attribute up to opset 17 and an int64 input from opset 18. */
export const lowerReduceMean: NodeLowering = lowerReduction(18);

/** Split: from opset 18 a Split without sizes must say `num_outputs`. */
export const lowerSplit: NodeLowering = (node, ctx) => {
  if (ctx.opset < 18 || node.inputs[1]) {
    lowerAsIs(node, ctx);
    return;
  }
  ctx.emit({
    op: 'Split',
    name: node.name,
    inputs: [ctx.valueName(node.input(0))],
    outputs: node.outputs.map((v) => ctx.valueName(v)),
    attributes: [...ctx.attributesOf(node), { name: 'num_outputs', type: 2, i: node.outputs.length }],
  });
};

/** QuantStub and DeQuantStub are the identity in a float model. */
export const lowerStub: NodeLowering = (node, ctx) => {
  ctx.emit({
    op: 'Identity',
    name: node.name,
    inputs: [ctx.valueName(node.input(0))],
    outputs: [ctx.valueName(node.output())],
  });
};

import { Tensor } from '@qtk/ir';
import type { NodeLowering } from '../ExportContext.js';
import { lowerAsIs } from './lowerAsIs.js';

/** ReduceMean: `axes` is an attribute up to opset 17 and an int64 input from opset 18. */
export const lowerReduceMean: NodeLowering = (node, ctx) => {
  const axes = node.attrs.axes as readonly number[] | undefined;
  if (ctx.opset < 18 || axes === undefined) {
    lowerAsIs(node, ctx);
    return;
  }
  const axesName = ctx.addInitializer(`/${node.name}/axes`, Tensor.int64([axes.length], axes));
  ctx.emit({
    op: 'ReduceMean',
    name: node.name,
    inputs: [ctx.valueName(node.input(0)), axesName],
    outputs: [ctx.valueName(node.output())],
    attributes: ctx.attributesOf(node, { axes: null }),
  });
};

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

import type { Value } from '@qtk/ir';
import { int64Tensor } from './int64Tensor.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * Split into as many parts as the node has outputs. The sizes are an attribute up to opset 12 and
 * an input from 13 (as in the core op); opset 18's `num_outputs` must agree with the outputs.
 */
export const splitImporter: OnnxOpImporter = {
  op: 'Split',
  since: 2,
  import(ctx) {
    let inputs: (Value | null)[];
    if (ctx.opset >= 13) {
      inputs = nodeInputs(ctx, 1, 2);
    } else {
      inputs = nodeInputs(ctx, 1);
      const split = ctx.attrs.ints('split');
      if (split) inputs.push(ctx.constantInput('split', int64Tensor(split)));
    }
    const numOutputs = ctx.attrs.int('num_outputs');
    if (numOutputs !== undefined && numOutputs !== ctx.outputCount) {
      ctx.fail(`num_outputs is ${numOutputs} but the node has ${ctx.outputCount} outputs`);
    }
    const axis = ctx.attrs.int('axis');
    ctx.emit('Split', inputs, axis === undefined ? {} : { axis }, ctx.outputCount);
  },
};

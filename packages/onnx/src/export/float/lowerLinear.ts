import type { Tensor } from '@qtk/ir';
import { transposeMatrix } from '../../fuse/transposeMatrix.js';
import type { NodeLowering } from '../ExportContext.js';
import { Decomposition } from './Decomposition.js';

/**
 * Linear as PyTorch exports `nn.Linear`: Gemm (transB = 1) on a 2-D input; otherwise MatMul with
 * the weight transposed to `[in, out]`, then Add of the bias.
 */
export const lowerLinear: NodeLowering = (node, ctx) => {
  const [x, w, b] = [node.input(0), node.input(1), node.inputs[2] ?? null];
  if (x.type.shape.length === 2) {
    ctx.emit({
      op: 'Gemm',
      name: node.name,
      inputs: [ctx.valueName(x), ctx.valueName(w), ctx.valueName(b)],
      outputs: [ctx.valueName(node.output())],
      attributes: [{ name: 'transB', type: 2, i: 1 }],
    });
    return;
  }
  const d = new Decomposition(node, ctx);
  const weight = w.constant
    ? ctx.addInitializer(`${w.name}_transposed`, transposeMatrix(w.constant as Tensor))
    : d.step('Transpose', [ctx.valueName(w)]);
  if (!b) {
    d.finish('MatMul', [ctx.valueName(x), weight]);
    return;
  }
  d.finish('Add', [d.step('MatMul', [ctx.valueName(x), weight]), ctx.valueName(b)]);
};

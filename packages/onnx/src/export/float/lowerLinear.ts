import type { Tensor, Value } from '@qtk/ir';
import { transposeMatrix } from '../../fuse/transposeMatrix.js';
import type { NodeLowering } from '../ExportContext.js';
import { Decomposition } from './Decomposition.js';

/**
 * The ONNX name of a Linear weight already written transposed to `[in, out]`, when another lowering
 * wrote it so (the QDQ export writes a quantized weight that way, as onnxruntime's quantization tool
 * does), else `undefined`.
 */
export type PretransposedWeight = (weight: Value) => string | undefined;

/**
 * Linear as PyTorch exports `nn.Linear`: Gemm (transB = 1) on a 2-D input; otherwise MatMul with
 * the weight transposed to `[in, out]` (`pretransposed`, an initializer `<weight>_transposed` for a
 * constant, else a Transpose node), then Add of the bias.
 */
export function linearLowering(pretransposed: PretransposedWeight): NodeLowering {
  return (node, ctx) => {
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
    const weight =
      pretransposed(w) ??
      (w.constant
        ? ctx.addInitializer(`${w.name}_transposed`, transposeMatrix(w.constant as Tensor))
        : d.step('Transpose', [ctx.valueName(w)]));
    if (!b) {
      d.finish('MatMul', [ctx.valueName(x), weight]);
      return;
    }
    d.finish('Add', [d.step('MatMul', [ctx.valueName(x), weight]), ctx.valueName(b)]);
  };
}

/** Linear in a float export: {@link linearLowering} with no weight written transposed beforehand. */
export const lowerLinear: NodeLowering = linearLowering(() => undefined);

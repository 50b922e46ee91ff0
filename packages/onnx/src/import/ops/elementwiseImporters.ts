import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** An ONNX op that is the core op of the same name with the same inputs and no attributes. */
function sameOp(op: string, since: number, inputs: number): OnnxOpImporter {
  return {
    op,
    since,
    import(ctx) {
      ctx.emit(op, nodeInputs(ctx, inputs));
    },
  };
}

// Before opset 7 the binary ops broadcast only with a `broadcast` attribute, and before 6 the
// unary ones had `consumed_inputs`: those legacy forms are not imported.
export const elementwiseImporters: readonly OnnxOpImporter[] = [
  sameOp('Add', 7, 2),
  sameOp('Sub', 7, 2),
  sameOp('Mul', 7, 2),
  sameOp('Div', 7, 2),
  sameOp('Pow', 7, 2),
  sameOp('Sqrt', 6, 1),
  sameOp('Erf', 9, 1),
  sameOp('Exp', 6, 1),
  sameOp('Relu', 6, 1),
  sameOp('Sigmoid', 6, 1),
  sameOp('Tanh', 6, 1),
  sameOp('Identity', 1, 1),
  sameOp('MatMul', 1, 2),
  sameOp('GlobalAveragePool', 1, 1),
  sameOp('GlobalMaxPool', 1, 1),
];

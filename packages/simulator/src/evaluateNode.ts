import { type Node, opRegistry, type Tensor } from '@qtk/ir';
import { runNode } from './runNode.js';

/**
 * Computes one node's outputs from its input tensors, with the same kernels as {@link runGraph}.
 * Its signature is `@qtk/onnx`'s `ConstantEvaluator`, so importers fold constant subgraphs with it:
 * `importOnnx(bytes, { evaluate: evaluateNode })`. Ops are looked up in the process-wide
 * `opRegistry`; counted events are dropped.
 */
export function evaluateNode(node: Node, inputs: readonly (Tensor | null)[]): Tensor[] {
  return runNode(node, inputs, opRegistry, () => {});
}

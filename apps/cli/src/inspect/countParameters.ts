import { type Graph, isFloatDType, numel } from '@qtk/ir';

/**
 * The number of parameters: elements of every floating-point constant, and of every constant an
 * op outside the core op set reads (a quantized model's integer weights, biases, gammas and betas).
 * Integer constants of core ops (shapes, axes, indices) are not parameters; float scalars such as
 * Clip's bounds are counted, as the definition is about data, not about what an op does with it.
 */
export function countParameters(graph: Graph): number {
  let count = 0;
  for (const value of graph.constants) {
    const tensor = value.constant;
    if (!tensor) continue;
    if (isFloatDType(tensor.dtype) || value.uses.some((u) => u.node.domain !== '')) count += numel(tensor.shape);
  }
  return count;
}

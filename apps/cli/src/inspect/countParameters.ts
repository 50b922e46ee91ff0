import { type Graph, isFloatDType, numel } from '@qtk/ir';

/**
 * The number of parameters: elements of every floating-point constant. Integer constants (shapes,
 * axes, indices) are not parameters; float scalars such as Clip's bounds are counted, as the
 * definition is about data, not about what an op does with it.
 */
export function countParameters(graph: Graph): number {
  let count = 0;
  for (const value of graph.constants) {
    const tensor = value.constant;
    if (tensor && isFloatDType(tensor.dtype)) count += numel(tensor.shape);
  }
  return count;
}

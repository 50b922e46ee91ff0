import type { Node, Tensor } from '@qtk/ir';

/**
 * Computes a node's outputs from constant inputs (`null` where an optional input is absent). The
 * simulator's `evaluateNode` has this signature; `@qtk/onnx` cannot run kernels itself, so callers
 * that want every constant subgraph folded pass one.
 */
export type ConstantEvaluator = (node: Node, inputs: readonly (Tensor | null)[]) => Tensor[];

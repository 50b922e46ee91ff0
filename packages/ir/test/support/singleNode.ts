import {
  type AttributeValue,
  type DType,
  Graph,
  type Node,
  type Shape,
  Tensor,
  type TensorType,
} from '../../src/index.js';

/** An argument of a single node: a fresh graph input of this type, a constant, or absent (null). */
export type NodeArg = TensorType | Tensor | null;

/** Adds one node `n` of `op` over fresh inputs `i<k>` (types) and constants `c<k>` (tensors); returns it. */
export function singleNode(
  op: string,
  args: readonly NodeArg[],
  attrs: Record<string, AttributeValue> = {},
  outputs = 1,
): Node {
  const g = new Graph();
  const inputs = args.map((a, i) => {
    if (a === null) return null;
    if (a instanceof Tensor) return g.addConstant(`c${i}`, a);
    return g.addInput(`i${i}`, a);
  });
  return g.addNode({ op, name: 'n', inputs, attrs, outputs });
}

/** The output types shape inference gives one node of `op` (see {@link singleNode}). */
export function infer(
  op: string,
  args: readonly NodeArg[],
  attrs: Record<string, AttributeValue> = {},
  outputs = 1,
): TensorType[] {
  return singleNode(op, args, attrs, outputs).outputs.map((o) => o.type);
}

/** A float32 tensor type of `shape`. */
export const f = (...shape: Shape): TensorType => ({ dtype: 'float32', shape });
/** A tensor type of `dtype` and `shape`. */
export const t = (dtype: DType, ...shape: Shape): TensorType => ({ dtype, shape });
/** A 1-D int64 constant holding `values`. */
export const i64 = (...values: number[]): Tensor => Tensor.int64([values.length], values);

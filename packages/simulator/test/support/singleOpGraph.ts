import { type Attributes, Graph, type Tensor } from '@qtk/ir';
import { runGraph } from '../../src/index.js';

/** An argument of a single-op graph: a graph input fed at run time, a constant, or absent. */
export type OpArg = Tensor | { constant: Tensor } | null;

/** A graph with one node of `op` over fresh inputs / constants, and the feeds for its inputs. */
export function singleOpGraph(
  op: string,
  args: readonly OpArg[],
  attrs: Attributes = {},
  outputs = 1,
): { graph: Graph; feeds: Record<string, Tensor> } {
  const graph = new Graph(`single_${op}`);
  const feeds: Record<string, Tensor> = {};
  const inputs = args.map((a, i) => {
    if (a === null) return null;
    if ('constant' in a) return graph.addConstant(`c${i}`, a.constant);
    feeds[`in${i}`] = a;
    return graph.addInput(`in${i}`, { dtype: a.dtype, shape: a.shape });
  });
  const names = Array.from({ length: outputs }, (_, i) => `out${i}`);
  const node = graph.addNode({ op, name: 'node', inputs, attrs, outputs: names });
  graph.setOutputs(node.outputs);
  return { graph, feeds };
}

/** Runs one op through `runGraph` and returns its outputs in order. */
export function runOp(op: string, args: readonly OpArg[], attrs: Attributes = {}, outputs = 1): Tensor[] {
  const { graph, feeds } = singleOpGraph(op, args, attrs, outputs);
  const result = runGraph(graph, feeds);
  return graph.outputs.map((v) => result.outputs[v.name] as Tensor);
}

/** `runOp` for a one-output op. */
export function runOp1(op: string, args: readonly OpArg[], attrs: Attributes = {}): Tensor {
  return runOp(op, args, attrs)[0] as Tensor;
}

import { type AttributeValue, Graph, QTK_DOMAIN, Tensor } from '@qtk/ir';
import { runGraph } from '../../src/index.js';

/** An operand of a single integer node: a graph input fed at run time, or a constant. */
export type IntegerOperand = Tensor | { constant: Tensor };

/**
 * Runs one qtk integer node `n` over inputs `in<i>` (graph inputs) and constants `c<i>`; returns
 * its output and the events it counted (saturations, ...).
 */
export function runIntegerOp(
  op: string,
  inputs: readonly IntegerOperand[],
  attrs: Record<string, AttributeValue>,
): { y: Tensor; events: Record<string, number> } {
  const g = new Graph();
  const feeds: Record<string, Tensor> = {};
  const values = inputs.map((t, i) => {
    if ('constant' in t) return g.addConstant(`c${i}`, t.constant);
    feeds[`in${i}`] = t;
    return g.addInput(`in${i}`, { dtype: t.dtype, shape: t.shape });
  });
  const node = g.addNode({ op, domain: QTK_DOMAIN, name: 'n', inputs: values, attrs });
  g.setOutputs([node.output()]);
  const { outputs, events } = runGraph(g, feeds);
  return { y: outputs.n as Tensor, events: events.n ?? {} };
}

/** An int8 tensor of `shape` holding `v`. */
export const int8 = (shape: number[], v: number[]): Tensor => new Tensor('int8', shape, Int8Array.from(v));
/** An int16 tensor of `shape` holding `v`. */
export const int16 = (shape: number[], v: number[]): Tensor => new Tensor('int16', shape, Int16Array.from(v));
/** An int32 tensor of `shape` holding `v`. */
export const int32 = (shape: number[], v: number[]): Tensor => new Tensor('int32', shape, Int32Array.from(v));

import { formatShape, formatTensorType, type Graph, type Node, QtkError, type Tensor, type Value } from '@qtk/ir';
import { runNode } from './runNode.js';
import { validateFeeds } from './validateFeeds.js';

/** What {@link RunHooks.afterNode} sees of a node that has just run. */
export interface NodeRunEvent {
  readonly node: Node;
  readonly inputs: readonly (Tensor | null)[];
  readonly outputs: readonly Tensor[];
}

/** Callbacks into a run. */
export interface RunHooks {
  /**
   * Called after each node runs, in order; may return replacement outputs (one per node output,
   * same dtypes and shapes), which later nodes then read. Fake quantization works this way.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook that only observes returns nothing at all
  afterNode?(event: NodeRunEvent): readonly Tensor[] | void;
}

/** Options of {@link runGraph}. */
export interface RunOptions {
  hooks?: RunHooks;
}

/** The result of {@link runGraph}. */
export interface RunResult {
  /** The graph outputs, by output name. */
  outputs: Record<string, Tensor>;
  /**
   * Events kernels counted (saturations, overflows...), per node name then event name. Nodes that
   * counted nothing are absent.
   */
  events: Record<string, Record<string, number>>;
}

/** Checks a tensor a kernel or hook produced against the graph's static type of `value`. */
function checkOutput(node: Node, value: Value, t: Tensor, by: string): void {
  const shape = value.type.shape;
  const fits =
    t.dtype === value.type.dtype &&
    t.shape.length === shape.length &&
    shape.every((d, i) => typeof d !== 'number' || d === t.shape[i]);
  if (!fits) {
    throw new QtkError(
      'simulator.output-type',
      `node '${node.name}' (${node.qualifiedOp}): ${by} gave ${t.dtype}${formatShape(t.shape)} for output '${value.name}', the graph says ${formatTensorType(value.type)}`,
    );
  }
}

/**
 * Runs `graph` on `feeds` (tensors by input name) and returns its outputs by name.
 *
 * Feeds are validated first (see {@link validateFeeds}). Nodes run in the graph's order, each with
 * the simulator's kernel for its op or the kernel its op definition carries; an intermediate tensor
 * is released as soon as its last reader has run, so peak memory follows the graph's live set.
 * An output may also be a graph input or a constant.
 */
export function runGraph(graph: Graph, feeds: Readonly<Record<string, Tensor>>, options: RunOptions = {}): RunResult {
  const live = validateFeeds(graph, feeds);
  const nodes = graph.nodes;
  const keep = new Set<Value>(graph.outputs);
  const lastReader = new Map<Value, number>();
  nodes.forEach((node, i) => {
    for (const v of node.inputs) if (v && !v.constant) lastReader.set(v, i);
  });
  const events: Record<string, Record<string, number>> = Object.create(null);
  const afterNode = options.hooks?.afterNode;

  nodes.forEach((node, i) => {
    const inputs = node.inputs.map((v) => {
      if (!v) return null;
      const t = v.constant ?? live.get(v);
      if (!t) {
        throw new QtkError(
          'simulator.order',
          `node '${node.name}' (${node.qualifiedOp}) reads '${v.name}', which no earlier node computes`,
        );
      }
      return t;
    });
    const count = (event: string, n = 1) => {
      let perNode = events[node.name];
      if (!perNode) {
        perNode = Object.create(null) as Record<string, number>;
        events[node.name] = perNode;
      }
      perNode[event] = (perNode[event] ?? 0) + n;
    };
    let outputs: readonly Tensor[] = runNode(node, inputs, graph.registry, count);
    node.outputs.forEach((v, k) => {
      checkOutput(node, v, outputs[k] as Tensor, 'its kernel');
    });
    if (afterNode) {
      const replaced = afterNode({ node, inputs, outputs });
      if (replaced) {
        if (replaced.length !== node.outputs.length) {
          throw new QtkError(
            'simulator.hook',
            `node '${node.name}': the afterNode hook returned ${replaced.length} outputs for ${node.outputs.length}`,
          );
        }
        node.outputs.forEach((v, k) => {
          checkOutput(node, v, replaced[k] as Tensor, 'the afterNode hook');
        });
        outputs = replaced;
      }
    }
    node.outputs.forEach((v, k) => {
      if (v.uses.length > 0 || keep.has(v)) live.set(v, outputs[k] as Tensor);
    });
    for (const v of node.inputs) if (v && lastReader.get(v) === i && !keep.has(v)) live.delete(v);
  });

  const outputs: Record<string, Tensor> = Object.create(null);
  for (const v of graph.outputs) {
    const t = v.constant ?? live.get(v);
    if (!t) throw new QtkError('simulator.order', `graph output '${v.name}' is not computed by any node`);
    outputs[v.name] = t;
  }
  return { outputs, events };
}

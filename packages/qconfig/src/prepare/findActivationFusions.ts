import type { Graph, Node } from '@qtk/ir';
import { quantRoleOf } from './quantRole.js';

function isZero(v: Node['inputs'][number]): boolean {
  const t = v?.constant;
  return t !== undefined && t.size === 1 && Number(t.toNumbers()[0]) === 0;
}

/**
 * GEMMs followed by their activation, which the BPU applies before requantizing (Conv/Linear +
 * ReLU or ReLU6, i.e. Clip with lower bound 0): the GEMM's only reader is that ReLU or Clip, and
 * the GEMM output is no model output. Quantization then happens after the activation only.
 * Maps each such GEMM to its activation node.
 */
export function findActivationFusions(graph: Graph): Map<Node, Node> {
  const out = new Map<Node, Node>();
  const outputs = new Set(graph.outputs);
  for (const node of graph.nodes) {
    if (quantRoleOf(node, graph.registry) !== 'gemm') continue;
    const v = node.output();
    if (v.uses.length !== 1 || outputs.has(v)) continue;
    const reader = (v.uses[0] as { node: Node }).node;
    if (reader.op === 'Relu' || (reader.op === 'Clip' && isZero(reader.inputs[1] ?? null))) out.set(node, reader);
  }
  return out;
}

import { Tensor } from '../tensor/Tensor.js';
import type { AttributeValue } from './Attribute.js';
import type { Graph } from './Graph.js';
import { formatTensorType } from './TensorType.js';

function formatAttribute(v: AttributeValue): string {
  if (v instanceof Tensor) return `tensor ${v.dtype}[${v.shape.join(',')}]`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) {
    // Per-channel scales run to thousands of numbers: show the start.
    return v.length > 8 ? `[${v.slice(0, 4).join(', ')}, ... (${v.length} values)]` : `[${v.join(', ')}]`;
  }
  return String(v);
}

/**
 * A readable text dump of a graph, one line per input, constant, node and output:
 *
 * ```text
 * graph main
 *   input  x: float32[2,100,256]
 *   const  linear1.weight: float32[256,256]
 *   node   linear1 = Linear(x, linear1.weight, linear1.bias) -> linear1: float32[2,100,256]
 *   output linear3: float32[2,100,60]
 * ```
 */
export function formatGraph(graph: Graph): string {
  const lines = [`graph ${graph.name}`];
  for (const v of graph.inputs) lines.push(`  input  ${v.name}: ${formatTensorType(v.type)}`);
  for (const v of graph.constants) lines.push(`  const  ${v.name}: ${formatTensorType(v.type)}`);
  for (const n of graph.nodes) {
    const args = n.inputs.map((v) => v?.name ?? '_').join(', ');
    const entries = Object.entries(n.attrs);
    const attrs = entries.length ? ` {${entries.map(([k, v]) => `${k}: ${formatAttribute(v)}`).join(', ')}}` : '';
    const outs = n.outputs.map((o) => `${o.name}: ${formatTensorType(o.type)}`).join(', ');
    const notes = Object.entries(n.annotations)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => ` @${k}=${v}`)
      .join('');
    lines.push(`  node   ${n.name} = ${n.qualifiedOp}(${args})${attrs} -> ${outs}${notes}`);
  }
  for (const v of graph.outputs) lines.push(`  output ${v.name}: ${formatTensorType(v.type)}`);
  return `${lines.join('\n')}\n`;
}

import type { Graph, Node } from '@qtk/ir';
import type { FakeQuantPoint } from '../prepare/addFakeQuantize.js';
import { quantRoleOf } from '../prepare/quantRole.js';
import type { FakeQuantConfig, QConfig } from '../QConfig.js';
import type { OpDecision } from '../setters/combineSetters.js';

function describe(c: FakeQuantConfig): string {
  return `${c.dtype}${c.perChannel ? ' per channel' : ''}`;
}

/** What an op without an output point does, by its role. */
function unquantizedOutput(graph: Graph, node: Node): string {
  switch (quantRoleOf(node, graph.registry)) {
    case 'gemm':
      return 'high-precision output (no QuantizeLinear after it)';
    case 'passthrough':
      return "keeps its input's quantization";
    case 'quant-stub':
      return 'model input';
    case 'dequant-stub':
      return 'model output (dequantize)';
    case 'float':
      return 'not quantized (integer or shape computation)';
    default:
      return 'output not quantized';
  }
}

/**
 * The decision for every op of a prepared QDQ graph, read off its fake-quantization points: the
 * output, weight and input configs they carry, and a rule saying that the scales came from the QDQ
 * model `source`.
 */
export function qdqDecisions(
  graph: Graph,
  points: readonly FakeQuantPoint[],
  fusions: ReadonlyMap<Node, Node>,
  source: string,
): Map<string, OpDecision> {
  const decisions = new Map<string, OpDecision>();
  for (const node of graph.nodes) {
    if (node.op === 'FakeQuantize') continue;
    const own = points.filter((p) => p.op === node.name);
    // A QuantStub's point quantizes the model input: the stub's output, as prepare has it.
    const outputRole = node.op === 'QuantStub' ? 'input' : 'output';
    const output = own.find((p) => p.role === outputRole)?.config ?? null;
    const weight = own.find((p) => p.role === 'weight')?.config ?? null;
    const inputs = node.inputs.map((v) => own.find((p) => p.role === 'input' && p.node.output() === v)?.config ?? null);
    const qconfig: QConfig = { output, weight, input: inputs.some((c) => c) ? inputs : null };
    const quantStub = node.op === 'QuantStub';
    const parts = [
      quantStub
        ? `model input${output ? ` quantized ${describe(output)}` : ''}`
        : output
          ? `output ${describe(output)}`
          : unquantizedOutput(graph, node),
    ];
    const fused = fusions.get(node);
    if (output && fused) parts[0] = `${parts[0]} after ${fused.name} (${fused.op})`;
    if (weight) parts.push(`weight ${describe(weight)}`);
    inputs.forEach((c, i) => {
      if (c) parts.push(`input ${i} ${describe(c)}`);
    });
    const from = own.length > 0 ? `, scales from ${source}'s QuantizeLinear/DequantizeLinear` : '';
    decisions.set(node.name, { qconfig, rule: `qdq: ${parts.join(', ')}${from}` });
  }
  return decisions;
}

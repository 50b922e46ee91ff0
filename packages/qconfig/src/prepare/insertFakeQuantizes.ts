import type { Graph, Node, Value } from '@qtk/ir';
import { inputConfigOf } from '../QConfig.js';
import type { OpDecision } from '../setters/combineSetters.js';
import { addFakeQuantize, type FakeQuantPoint } from './addFakeQuantize.js';
import { isParameterInput, passthroughSource, quantRoleOf, weightOf } from './quantRole.js';

function isFloat(v: Value | null): v is Value {
  return v !== null && (v.type.dtype === 'float32' || v.type.dtype === 'float64');
}

/**
 * Inserts the fake-quantization points the decisions ask for:
 * 1. QuantStubs become FakeQuantizes; each op with an output config gets one after its output
 *    (after its fused activation for a GEMM); GEMM weights get a per-channel one; constant operands
 *    of computing ops get one ("quantized constants").
 * 2. Then every quantizing op whose float input is still unquantized (a model input without a stub,
 *    a high-precision output read by another op) gets one on that edge, from its input config.
 * Passthrough ops keep their input's quantization and get none.
 */
export function insertFakeQuantizes(
  graph: Graph,
  decisions: ReadonlyMap<string, OpDecision>,
  fusions: ReadonlyMap<Node, Node>,
): FakeQuantPoint[] {
  const points: FakeQuantPoint[] = [];
  const ops = [...graph.nodes];

  for (const node of ops) {
    const decision = decisions.get(node.name);
    if (!decision) continue;
    const { qconfig } = decision;
    const role = quantRoleOf(node, graph.registry);
    if (role === 'quant-stub') {
      if (!qconfig.output) continue;
      const fq = addFakeQuantize(graph, node.output(), `${node.name}.activation_post_process`, qconfig.output, 'all');
      points.push({ node: fq, role: 'input', op: node.name, config: qconfig.output });
      continue;
    }
    if (role !== 'gemm' && role !== 'compute' && !(role === 'passthrough' && qconfig.output)) continue;
    const out = (fusions.get(node) ?? node).outputs.filter(isFloat);
    if (qconfig.output) {
      for (const v of out) {
        const fq = addFakeQuantize(graph, v, `${node.name}.activation_post_process`, qconfig.output, 'all');
        points.push({ node: fq, role: 'output', op: node.name, config: qconfig.output });
      }
    }
    if (role === 'gemm' && qconfig.weight) {
      const w = weightOf(node, graph.registry);
      if (w) {
        const value = node.input(w.index);
        const use = value.uses.filter((u) => u.node === node && u.index === w.index);
        const fq = addFakeQuantize(
          graph,
          value,
          `${node.name}.weight_fake_quant`,
          qconfig.weight,
          use,
          qconfig.weight.perChannel ? w.axis : undefined,
        );
        points.push({ node: fq, role: 'weight', op: node.name, config: qconfig.weight });
      }
    }
    if (role === 'compute') {
      node.inputs.forEach((v, i) => {
        if (!isFloat(v) || !v.constant || isParameterInput(node, i, graph.registry)) return;
        const dtype = (qconfig.output ?? inputConfigOf(qconfig, i))?.dtype;
        if (!dtype) return;
        const config = { dtype, observer: { kind: 'minmax' as const } };
        const use = v.uses.filter((u) => u.node === node && u.index === i);
        const fq = addFakeQuantize(graph, v, `${node.name}.const_fake_quant_${i}`, config, use);
        points.push({ node: fq, role: 'constant', op: node.name, config });
      });
    }
  }

  const quantized = (v: Value): boolean => {
    const p = v.producer;
    if (!p) return false;
    if (p.op === 'FakeQuantize') return true;
    if (quantRoleOf(p, graph.registry) === 'passthrough') {
      const first = passthroughSource(p, graph.registry);
      return first ? quantized(first) : false;
    }
    return false;
  };

  for (const node of ops) {
    const decision = decisions.get(node.name);
    const role = quantRoleOf(node, graph.registry);
    if (!decision || (role !== 'gemm' && role !== 'compute')) continue;
    node.inputs.forEach((v, i) => {
      if (!isFloat(v) || v.constant || isParameterInput(node, i, graph.registry) || quantized(v)) return;
      const config = inputConfigOf(decision.qconfig, i);
      if (!config) return;
      const use = v.uses.filter((u) => u.node === node && u.index === i);
      const fq = addFakeQuantize(graph, v, `${node.name}.input_fake_quant_${i}`, config, use);
      points.push({ node: fq, role: 'input', op: node.name, config });
    });
  }
  graph.sortTopologically();
  return points;
}

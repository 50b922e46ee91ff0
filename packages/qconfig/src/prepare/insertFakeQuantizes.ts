import type { Graph, Node, Value } from '@qtk/ir';
import { inputConfigOf, type QConfig } from '../QConfig.js';
import type { OpDecision } from '../setters/combineSetters.js';
import { addFakeQuantize, type FakeQuantPoint } from './addFakeQuantize.js';
import { isParameterInput, passthroughSource, quantRoleOf, weightOf } from './quantRole.js';

function isFloat(v: Value | null): v is Value {
  return v !== null && (v.type.dtype === 'float32' || v.type.dtype === 'float64');
}

/**
 * The constant data inputs (more than one value: a class token, a fixed row of features) of a
 * passthrough op whose inputs share a scale (Concat) get a point, so that conversion has their
 * integers at the shared scale; sharing its observer with the activations (see `shareObservers`),
 * the point's scale also covers the constant. A scalar operand (Where's fill value of a
 * masked_fill, often -inf or -1e9) is not data to quantize, and gets none.
 */
function quantizeSharedConstants(graph: Graph, node: Node, qconfig: QConfig): FakeQuantPoint[] {
  const points: FakeQuantPoint[] = [];
  node.inputs.forEach((v, i) => {
    if (!isFloat(v) || !v.constant || v.constant.size <= 1 || isParameterInput(node, i, graph.registry)) return;
    const dtype = inputConfigOf(qconfig, i)?.dtype;
    if (!dtype) return;
    const config = { dtype, observer: { kind: 'minmax' as const } };
    const use = v.uses.filter((u) => u.node === node && u.index === i);
    const fq = addFakeQuantize(graph, v, `${node.name}.const_fake_quant_${i}`, config, use);
    points.push({ node: fq, role: 'constant', op: node.name, config });
  });
  return points;
}

/**
 * Inserts the fake-quantization points the decisions ask for:
 * 1. QuantStubs become FakeQuantizes; each op with an output config gets one after its output
 *    (after its fused activation for a GEMM); GEMM weights get a per-channel one; constant operands
 *    of computing ops get one ("quantized constants"), and so do the constant data inputs of a
 *    Concat-like op whose inputs share a scale.
 * 2. Then every quantizing op whose float input is still unquantized (a model input without a stub,
 *    a high-precision output read by another op) gets one on that edge, from its input config.
 * Passthrough ops keep their input's quantization and get none, except where that input is a
 * GEMM's high-precision output: there is nothing to keep, so they get an input point too.
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
    if (role === 'passthrough' && graph.registry.traitsOf(node).sharedInputScale) {
      points.push(...quantizeSharedConstants(graph, node, qconfig));
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

  // A passthrough op reading a GEMM's high-precision output (a model output that other ops read
  // too) has nothing to pass through: it gets an input point, as a computing op does.
  const readsHighPrecision = (node: Node, v: Value): boolean => {
    const gemm = v.producer;
    if (!gemm || quantRoleOf(gemm, graph.registry) !== 'gemm' || fusions.get(gemm) === node) return false;
    return v === passthroughSource(node, graph.registry) && decisions.get(gemm.name)?.qconfig.output === null;
  };

  for (const node of ops) {
    const decision = decisions.get(node.name);
    const role = quantRoleOf(node, graph.registry);
    if (!decision || (role !== 'gemm' && role !== 'compute' && role !== 'passthrough')) continue;
    node.inputs.forEach((v, i) => {
      if (!isFloat(v) || v.constant || isParameterInput(node, i, graph.registry) || quantized(v)) return;
      if (role === 'passthrough' && !readsHighPrecision(node, v)) return;
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

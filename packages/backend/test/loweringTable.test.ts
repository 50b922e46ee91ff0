import { Graph, type Node, Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import {
  type LoweringPolicy,
  loweringCapabilities,
  loweringTable,
  lowerToInteger,
  type OpLowering,
} from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

/** input -> FakeQuantize(qint8, sIn) -> Sigmoid -> FakeQuantize(qint8, sOut) -> output. */
function qatSigmoid(): Graph {
  const g = new Graph('sigmoid');
  const x = g.addInput('x', { dtype: 'float32', shape: [4] });
  const fq = (v: Node['inputs'][number], name: string, s: number) =>
    g.addNode({ op: 'FakeQuantize', name, inputs: [v], attrs: { dtype: 'qint8', scales: [s], enabled: 1 } }).output();
  const y = g.addNode({ op: 'Sigmoid', name: 'f', inputs: [fq(x, 'in_fq', 4 / 127.5)] }).output();
  g.setOutputs([fq(y, 'out_fq', 1 / 127.5)]);
  return g;
}

describe('the lowering table', () => {
  it('holds every passthrough op of the core set, so data movement needs no entry of its own', () => {
    const table = loweringTable(toyPolicy);
    for (const op of ['Relu', 'Reshape', 'Transpose', 'Concat', 'MaxPool', 'Slice'])
      expect(table.has(op), op).toBe(true);
    expect(table.has('Sqrt')).toBe(false);
  });

  it('a policy removes an entry with null: the op then runs in float32 on the CPU, and its capability is gone', () => {
    const policy: LoweringPolicy = { ...toyPolicy, lowerings: { Sigmoid: null } };
    const { graph, warnings } = lowerToInteger(qatSigmoid(), policy, 'toy');
    expect(graph.findNode('f')?.qualifiedOp).toBe('Sigmoid');
    expect(graph.findNode('f')?.annotations.fallback).toBeDefined();
    expect(warnings).toEqual(['f (Sigmoid): no integer kernel on toy; runs in float32 on the CPU']);
    // Tanh, Erf, Exp and GELU still emit tables.
    expect(loweringCapabilities(policy).ops.some((c) => c.op === 'Lut')).toBe(true);
  });

  it("a policy's own entry replaces the default one, and what it emits becomes a capability", () => {
    const hardSigmoidOnVpu: OpLowering = {
      lower(ctx, node) {
        const out = ctx.emit({
          op: 'Sigmoid',
          name: node.name,
          inputs: [ctx.toFloat(ctx.get(node.input(0))).value],
          unit: 'vpu',
        });
        ctx.set(node.output(), { kind: 'float', value: out.output() });
        return true;
      },
      emits: () => [{ op: 'Sigmoid', domain: '', unit: 'vpu', dtypes: ['float32'] }],
    };
    const policy: LoweringPolicy = { ...toyPolicy, lowerings: { Sigmoid: hardSigmoidOnVpu } };
    const qat = qatSigmoid();
    const { graph, warnings } = lowerToInteger(qat, policy, 'toy');
    expect(warnings).toEqual([]);
    expect(graph.findNode('f')?.annotations.unit).toBe('vpu');
    expect(loweringCapabilities(policy).ops).toContainEqual({
      op: 'Sigmoid',
      domain: '',
      unit: 'vpu',
      dtypes: ['float32'],
    });
    const x = Tensor.float32([4], [-3, -0.5, 0.25, 2]);
    const got = runGraph(graph, { x }).outputs.out_fq as Tensor;
    // The float sigmoid of the dequantized input, quantized by the output point.
    const s = 4 / 127.5;
    const expected = x.toNumbers().map((v) => {
      const q = Math.min(Math.max(Math.round(v / s), -128), 127) * s;
      return Math.min(Math.max(Math.round(1 / (1 + Math.exp(-q)) / (1 / 127.5)), -128), 127) / 127.5;
    });
    got.toNumbers().forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] as number, 6);
    });
  });
});

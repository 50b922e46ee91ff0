import { Graph, Tensor, type Value } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { backend } from '../src/index.js';

/** input -> FakeQuantize -> op -> FakeQuantize -> output: a calibrated QAT graph of one float-only op. */
function qatOf(op: string, attrs: Record<string, string>, extra: (g: Graph) => Value[], outputs: number): Graph {
  const g = new Graph(op);
  const x = g.addInput('x', { dtype: 'float32', shape: [2, 4] });
  const fq = (v: Value, name: string) =>
    g
      .addNode({ op: 'FakeQuantize', name, inputs: [v], attrs: { dtype: 'qint8', scales: [0.05], enabled: 1 } })
      .output();
  const n = g.addNode({ op, name: 'f', inputs: [fq(x, 'in_fq'), ...extra(g)], attrs, outputs });
  const [first, ...rest] = n.outputs as [Value, ...Value[]];
  g.setOutputs([fq(first, 'out_fq'), ...rest]);
  return g;
}

describe('the conversion report says why an op stays float', () => {
  it("the qtk.convert section's warnings carry each CPU fallback's reason", () => {
    for (const [op, attrs, extra, outputs, reason] of [
      [
        'TopK',
        {},
        (g: Graph) => [g.addConstant('k', Tensor.int64([1], [2]))],
        2,
        "a sort: qtk's integer op set has no TopK",
      ],
      ['CumSum', {}, (g: Graph) => [g.addConstant('a', Tensor.int64([], [1]))], 1, 'a running sum'],
      ['Einsum', { equation: 'ij->j' }, () => [], 1, "equation 'ij->j' is not a matrix product"],
    ] as const) {
      const quantized = backend.convert(
        { kind: 'qat', graph: qatOf(op, attrs, extra, outputs), metadata: {} },
        'nash-m',
        {},
      );
      const section = JSON.parse(new TextDecoder().decode(quantized.sections?.['qtk.convert'])) as {
        warnings: string[];
      };
      expect(section.warnings).toHaveLength(1);
      expect(section.warnings[0]).toContain(`f (${op}): no integer kernel on nash-m (${reason}`);
      expect(quantized.graph.findNode('f')?.annotations.fallback).toBe('float32 on the CPU');
    }
  });
});

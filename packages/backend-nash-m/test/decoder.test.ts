import { backendRegistry, measureGemmConsistency } from '@qtk/backend';
import { cosineSimilarity, type Node, type Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { decoderQat } from '@qtk/test-scenarios';
import { describe, expect, it } from 'vitest';
import '../src/index.js';

const readers = (node: Node) => node.output().uses.map((u) => u.node);

describe('the PyTorch decoder (ConvTranspose, InstanceNorm, ReLU, ConvTranspose) on nash-m', () => {
  for (const preset of ['int8', 'int16'] as const) {
    it(`${preset}: integer ops only; the last ConvTranspose writes int32 and one Dequantize gives the output`, async () => {
      const { artifact, x, input, reference } = await decoderQat(preset);
      const q = backendRegistry.convert(artifact, 'nash-m').graph;
      expect(q.nodes.filter((n) => n.annotations.fallback).map((n) => n.name)).toEqual([]);
      expect(
        ['up1', 'norm', 'up2'].map((n) => `${q.findNode(n)?.qualifiedOp}@${q.findNode(n)?.annotations.unit}`),
      ).toEqual(['qtk::ConvTranspose@tae', 'qtk::InstanceNorm@vpu', 'qtk::ConvTranspose@tae']);
      const up2 = q.findNode('up2') as Node;
      expect(up2.output().type.dtype).toBe('int32');
      const after = readers(up2);
      expect(after.map((n) => `${n.qualifiedOp}@${n.annotations.unit}`)).toEqual(['qtk::Dequantize@cpu']);
      expect(after[0]?.output()).toBe(q.outputs[0]);
      // the dequantize scales are the accumulator's, s_x s_w[c] per output channel
      expect(after[0]?.attrs).toMatchObject({ axis: 1 });
      expect(after[0]?.attrs.scales).toHaveLength(3);

      const report = measureGemmConsistency(artifact.graph, q, { [input]: x }, runGraph);
      expect(report.map((r) => `${r.node}:${r.lsb}`)).toEqual(['up1:output', 'up2:accumulator']);
      for (const r of report) {
        console.log(
          `decoder ${preset} ${r.node} (${r.lsb} LSB): alone ${(100 * r.isolated.withinOneLsb).toFixed(3)}% within 1 LSB (max ${r.isolated.maxLsb.toFixed(2)})`,
        );
        expect(r.isolated.withinOneLsb, r.node).toBe(1);
      }
      const fakeQuant = runGraph(artifact.graph, { [input]: x }).outputs.y as Tensor;
      const out = runGraph(q, { [input]: x }).outputs.y as Tensor;
      const vsFake = cosineSimilarity(out, fakeQuant);
      const vsTorch = cosineSimilarity(out, reference);
      console.log(
        `decoder ${preset} on nash-m: cosine ${vsTorch.toFixed(6)} vs PyTorch, ${vsFake.toFixed(6)} vs fake-quant`,
      );
      expect(vsFake).toBeGreaterThan(0.999);
      expect(vsTorch).toBeGreaterThan(0.99);
    }, 60_000);
  }
});

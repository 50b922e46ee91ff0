import { backendRegistry, measureGemmConsistency } from '@qtk/backend';
import { cosineSimilarity, type Node, type Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { decoderQat } from '@qtk/test-scenarios';
import { describe, expect, it } from 'vitest';
import '../src/index.js';

const readers = (node: Node) => node.output().uses.map((u) => `${u.node.qualifiedOp}@${u.node.annotations.unit}`);

describe('the PyTorch decoder (ConvTranspose, InstanceNorm, ReLU, ConvTranspose) on nash-h', () => {
  for (const preset of ['int8', 'int16'] as const) {
    it(`${preset}: the last ConvTranspose writes float32 itself; with integerConv int32 and one Dequantize`, async () => {
      const { artifact, x, input, reference } = await decoderQat(preset, 'nash-h');
      const fakeQuant = runGraph(artifact.graph, { [input]: x }).outputs.y as Tensor;
      for (const [options, dtype, after] of [
        [{}, 'float32', []],
        [{ integerConv: true }, 'int32', ['qtk::Dequantize@cpu']],
      ] as const) {
        const what = `nash-h ${JSON.stringify(options)}`;
        const q = backendRegistry.convert(artifact, 'nash-h', options).graph;
        expect(
          q.nodes.filter((n) => n.annotations.fallback).map((n) => n.name),
          what,
        ).toEqual([]);
        const up2 = q.findNode('up2') as Node;
        expect(up2.qualifiedOp).toBe('qtk::ConvTranspose');
        expect(up2.output().type.dtype, what).toBe(dtype);
        expect(readers(up2), what).toEqual(after);
        if (dtype === 'float32') expect(up2.output()).toBe(q.outputs[0]);
        expect(q.findNode('norm')?.qualifiedOp).toBe('qtk::InstanceNorm');
        for (const r of measureGemmConsistency(artifact.graph, q, { [input]: x }, runGraph)) {
          expect(r.isolated.withinOneLsb, `${what} ${r.node}`).toBe(1);
        }
        const out = runGraph(q, { [input]: x }).outputs.y as Tensor;
        const vsFake = cosineSimilarity(out, fakeQuant);
        const vsTorch = cosineSimilarity(out, reference);
        console.log(
          `decoder ${preset} on ${what}: cosine ${vsTorch.toFixed(6)} vs PyTorch, ${vsFake.toFixed(6)} vs fake-quant`,
        );
        expect(vsFake).toBeGreaterThan(0.999);
        expect(vsTorch).toBeGreaterThan(0.99);
      }
    }, 60_000);
  }
});

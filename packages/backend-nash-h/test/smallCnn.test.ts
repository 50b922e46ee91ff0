import { backendRegistry } from '@qtk/backend';
import { cosineSimilarity, type Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { smallCnnQat } from '@qtk/test-scenarios';
import { describe, expect, it } from 'vitest';
import '@qtk/backend-nash-m';
import '../src/index.js';

describe('small_cnn end to end on both backends', () => {
  for (const preset of ['int8', 'int16'] as const) {
    it(`${preset}: every op converts to an integer op (no fallback), and the logits match PyTorch's`, async () => {
      const { artifact, x, input, reference } = await smallCnnQat(preset);
      const fakeQuant = runGraph(artifact.graph, { [input]: x }).outputs;
      for (const [march, options] of [
        ['nash-m', {}],
        ['nash-h', {}],
        ['nash-h', { integerConv: true }],
      ] as const) {
        const q = backendRegistry.convert(artifact, march, options);
        expect(
          q.graph.nodes.filter((n) => n.annotations.fallback).map((n) => n.name),
          march,
        ).toEqual([]);
        const out = runGraph(q.graph, { [input]: x }).outputs;
        for (const o of q.graph.outputs) {
          const vsTorch = cosineSimilarity(out[o.name] as Tensor, reference);
          const vsFake = cosineSimilarity(out[o.name] as Tensor, fakeQuant[o.name] as Tensor);
          console.log(
            `small_cnn ${preset} on ${march} ${JSON.stringify(options)}: cosine ${vsTorch.toFixed(6)} vs PyTorch, ${vsFake.toFixed(6)} vs fake-quant`,
          );
          expect(vsFake).toBeGreaterThan(0.999);
          expect(vsTorch).toBeGreaterThan(0.99);
        }
      }
    }, 60_000);
  }
});

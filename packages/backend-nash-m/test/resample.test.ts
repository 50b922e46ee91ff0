import { backendRegistry } from '@qtk/backend';
import { cosineSimilarity, type Node, type Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { warpQat } from '@qtk/test-scenarios';
import { describe, expect, it } from 'vitest';
import '../src/index.js';

describe('a warping model (GridSample, bilinear and nearest Resize) on nash-m', () => {
  for (const preset of ['int8', 'int16'] as const) {
    it(`${preset}: every op converts to integers, the grid in int16, no CPU fallback; the output agrees with the fake-quant model`, () => {
      const { artifact, x } = warpQat(preset);
      const q = backendRegistry.convert(artifact, 'nash-m').graph;
      const node = (name: string) => q.findNode(name) as Node;
      expect(node('warp').qualifiedOp).toBe('qtk::GridSample');
      expect(node('warp').input(1).type.dtype).toBe('int16');
      expect(node('warp').input(0).type.dtype).toBe(preset);
      expect(node('up').qualifiedOp).toBe('qtk::Resize');
      expect(node('nn').qualifiedOp).toBe('Resize');
      expect(node('nn').input(0).type.dtype).toBe(preset);
      for (const name of ['warp', 'up', 'nn']) expect(node(name).annotations.unit, name).toBe('vae');
      expect(q.nodes.filter((n) => n.annotations.fallback).map((n) => n.name)).toEqual([]);
      const got = runGraph(q, { x }).outputs;
      const ref = runGraph(artifact.graph, { x }).outputs;
      const name = q.outputs[0]?.name as string;
      const c = cosineSimilarity(got[name] as Tensor, ref[name] as Tensor);
      console.log(
        `warp model ${preset}: cosine of the integer model's output with the fake-quant model's: ${c.toFixed(6)}`,
      );
      expect(c).toBeGreaterThan(0.999);
    });
  }
});

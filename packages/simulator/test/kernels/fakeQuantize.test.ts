import { Graph, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { runGraph } from '../../src/index.js';

function fqGraph(attrs: Record<string, number | string | number[]>, shape = [5]): Graph {
  const g = new Graph();
  const x = g.addInput('x', { dtype: 'float32', shape });
  g.setOutputs([
    g.addNode({ op: 'FakeQuantize', name: 'fq', inputs: [x], attrs: { dtype: 'qint8', ...attrs } }).output(),
  ]);
  return g;
}

describe('FakeQuantize kernel', () => {
  it('quantizes and dequantizes with the node scale, counting saturations (hand-computed)', () => {
    // s = 0.5: 0.3/0.5 = 0.6 -> 1 -> 0.5; 0.25/0.5 = 0.5 -> 0 (half to even); -1.26/0.5 = -2.52 -> -3 -> -1.5;
    // 100/0.5 = 200 -> 127 -> 63.5 (saturated); -100 -> -128 -> -64 (saturated)
    const { outputs, events } = runGraph(fqGraph({ scales: [0.5] }), {
      x: Tensor.float32([5], [0.3, 0.25, -1.26, 100, -100]),
    });
    expect(outputs.fq?.toNumbers()).toEqual([0.5, 0, -1.5, 63.5, -64]);
    expect(events).toEqual({ fq: { saturated: 2 } });
  });

  it('is the identity while disabled (calibration), and per-channel along an axis', () => {
    const x = Tensor.float32([2, 2], [0.3, 0.7, 0.3, 0.7]);
    expect(runGraph(fqGraph({ enabled: 0, scales: [] }, [2, 2]), { x }).outputs.fq?.toNumbers()).toEqual(x.toNumbers());
    const perChannel = runGraph(fqGraph({ scales: [1, 0.25], axis: 0 }, [2, 2]), { x }).outputs.fq;
    // row 0 scale 1: 0.3 -> 0, 0.7 -> 1; row 1 scale 0.25: 0.3 -> 1.2 -> 1 -> 0.25, 0.7 -> 2.8 -> 3 -> 0.75
    expect(perChannel?.toNumbers()).toEqual([0, 1, 0.25, 0.75]);
  });

  it('refuses to run an uncalibrated point, naming it', () => {
    expect(() => runGraph(fqGraph({}), { x: Tensor.float32([5], [0, 0, 0, 0, 0]) })).toThrow(
      "fake quantization 'fq' has no scale: run calibration first",
    );
  });
});

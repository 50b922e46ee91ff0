import { Graph, manualSeed, randn, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { buildQconfigTable, defaultCalibrationQconfigSetter, prepare } from '../src/index.js';
import { readerOps } from './support/readerOps.js';

/** a, b -> Max -> HardSwish -> (> 0) -> Where(mask, h, a) -> Cast(float32): the traits at work. */
function model(): Graph {
  const g = new Graph('elementwise');
  const a = g.addInput('a', { dtype: 'float32', shape: [2, 8] });
  const b = g.addInput('b', { dtype: 'float32', shape: [2, 8] });
  const m = g.addNode({ op: 'Max', name: 'max', inputs: [a, b] }).output();
  const h = g.addNode({ op: 'HardSwish', name: 'hswish', inputs: [m] }).output();
  const zero = g.addConstant('zero', Tensor.float32([], [0]));
  const mask = g.addNode({ op: 'Greater', name: 'positive', inputs: [h, zero] }).output();
  const w = g.addNode({ op: 'Where', name: 'where', inputs: [mask, h, a] }).output();
  const y = g.addNode({ op: 'Cast', name: 'cast', inputs: [w], attrs: { to: 'float32' } }).output();
  g.setOutputs([y, mask]);
  return g;
}

describe('qconfig of the elementwise family', () => {
  it("Max shares its inputs' scale, HardSwish gets its own, predicates stay float, Where and Cast pass through", () => {
    manualSeed(0);
    const prepared = prepare(model(), [randn(2, 8), randn(2, 8)], {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
    });
    const table = buildQconfigTable(prepared);
    const row = (name: string) => table.ops.find((e) => e.name === name);
    // Max reads two activations: their points share one observer, noted in the table.
    expect(row('max')?.output.dtype).toBe('qint8');
    expect(row('max')?.inputs.map((i) => i.dtype)).toEqual(['qint8', 'qint8']);
    const shared = prepared.graph.nodes.filter((n) => n.op === 'FakeQuantize' && n.attrs.observer !== n.name);
    expect(shared.length).toBeGreaterThan(0);
    expect(table.ops.some((e) => /shares its scale with .* for max \(Max\)/.test(e.rule))).toBe(true);
    expect(row('hswish')?.output.dtype).toBe('qint8');
    // The bool mask is never quantized; Where and Cast keep their input's quantization.
    expect(row('positive')?.output.dtype).toBeNull();
    expect(
      prepared.graph
        .findNode('positive')
        ?.output()
        .uses.every((u) => u.node.op !== 'FakeQuantize'),
    ).toBe(true);
    expect(readerOps(prepared.graph, 'where')).not.toContain('FakeQuantize');
    expect(table.ops.some((e) => /shares its scale with .* for where \(Where\)/.test(e.rule))).toBe(true);
    expect(row('cast')?.output.dtype).toBe('qint8');
  });
});

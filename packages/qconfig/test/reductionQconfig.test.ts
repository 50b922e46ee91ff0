import { Graph, manualSeed, randn, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { buildQconfigTable, defaultCalibrationQconfigSetter, prepare } from '../src/index.js';
import { readerOps } from './support/readerOps.js';

/** x -> Linear -> (ReduceMax, ReduceSum, ArgMax, TopK), each to an output. */
function model(): Graph {
  const g = new Graph('reductions');
  const x = g.addInput('x', { dtype: 'float32', shape: [2, 8] });
  const w = g.addConstant('w', Tensor.float32([6, 8], new Array(48).fill(0.1)));
  const h = g.addNode({ op: 'Linear', name: 'fc', inputs: [x, w] }).output();
  const max = g.addNode({ op: 'ReduceMax', name: 'max', inputs: [h], attrs: { axes: [1] } }).output();
  const sum = g.addNode({ op: 'ReduceSum', name: 'sum', inputs: [h], attrs: { axes: [1] } }).output();
  const arg = g.addNode({ op: 'ArgMax', name: 'arg', inputs: [h], attrs: { axis: 1 } }).output();
  const k = g.addConstant('k', Tensor.int64([1], [2]));
  const top = g.addNode({ op: 'TopK', name: 'top', inputs: [h, k], outputs: 2 });
  g.setOutputs([max, sum, arg, ...top.outputs]);
  return g;
}

describe('the qconfig table of the reductions and selection ops', () => {
  it("ReduceMax keeps its input's point, ReduceSum and TopK get their own, ArgMax's index is not quantized", () => {
    manualSeed(0);
    const prepared = prepare(model(), randn(2, 8), {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
    });
    const row = (name: string) => buildQconfigTable(prepared).ops.find((e) => e.name === name);
    const fc = row('fc')?.output;
    expect(fc?.dtype).toBe('qint8');
    // A selection: the same point as what it selects from, no point of its own.
    expect(row('max')?.output).toEqual(fc);
    expect(
      prepared.graph
        .findNode('max')
        ?.output()
        .uses.some((u) => u.node.op === 'FakeQuantize'),
    ).toBe(false);
    expect(row('sum')?.output.dtype).toBe('qint8');
    expect(readerOps(prepared.graph, 'sum')).toEqual(['FakeQuantize']);
    expect(row('arg')?.inputs.map((i) => i.dtype)).toEqual(['qint8']);
    expect(row('arg')?.output).toEqual({ dtype: null, scale: null });
    // TopK's values get a point (conversion keeps TopK on the CPU, and its readers read integers again).
    expect(row('top')?.output.dtype).toBe('qint8');
  });
});

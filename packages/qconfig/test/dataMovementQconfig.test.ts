import { Graph, manualSeed, randn, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { buildQconfigTable, defaultCalibrationQconfigSetter, prepare } from '../src/index.js';
import { readerOps } from './support/readerOps.js';

/** x -> Linear -> Pad(value) -> ScatterND(updates from a second Linear) -> Trilu -> Expand -> Linear. */
function model(): Graph {
  const g = new Graph('moves');
  const x = g.addInput('x', { dtype: 'float32', shape: [4, 8] });
  const w = (name: string, rows: number, cols: number) =>
    g.addConstant(
      name,
      Tensor.float32(
        [rows, cols],
        Array.from({ length: rows * cols }, (_, k) => Math.sin(k + rows)),
      ),
    );
  const fc1 = g.addNode({ op: 'Linear', name: 'fc1', inputs: [x, w('w1', 8, 8)] }).output();
  const fc2 = g.addNode({ op: 'Linear', name: 'fc2', inputs: [x, w('w2', 10, 8)] }).output();
  const pads = g.addConstant('pads', Tensor.int64([4], [0, 1, 0, 1]));
  const padded = g
    .addNode({ op: 'Pad', name: 'pad', inputs: [fc1, pads, g.addConstant('value', Tensor.float32([], [0.5]))] })
    .output();
  const indices = g.addConstant('indices', Tensor.int64([1, 1], [2]));
  const updates = g
    .addNode({ op: 'Reshape', name: 'rows', inputs: [fc2, g.addConstant('shape', Tensor.int64([2], [-1, 10]))] })
    .output();
  const first = g
    .addNode({
      op: 'Slice',
      name: 'first',
      inputs: [updates, g.addConstant('s0', Tensor.int64([1], [0])), g.addConstant('s1', Tensor.int64([1], [1]))],
    })
    .output();
  const scattered = g.addNode({ op: 'ScatterND', name: 'scatter', inputs: [padded, indices, first] }).output();
  const lower = g.addNode({ op: 'Trilu', name: 'tril', inputs: [scattered], attrs: { upper: 0 } }).output();
  const wide = g
    .addNode({ op: 'Expand', name: 'expand', inputs: [lower, g.addConstant('to', Tensor.int64([3], [2, 4, 10]))] })
    .output();
  g.setOutputs([g.addNode({ op: 'Linear', name: 'fc3', inputs: [wide, w('w3', 3, 10)] }).output()]);
  return g;
}

describe('qconfig of data movement', () => {
  it('Pad, ScatterND, Trilu and Expand keep their input quantization; ScatterND data and updates share a scale', () => {
    manualSeed(0);
    const prepared = prepare(model(), randn(4, 8), { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter });
    const g = prepared.graph;
    // No fake quantization after the data movement ops, none on Pad's value.
    for (const name of ['pad', 'scatter', 'tril', 'expand']) {
      expect(readerOps(g, name), name).not.toContain('FakeQuantize');
    }
    expect(g.findNode('pad')?.input(2).producer).toBeUndefined();
    // The updates come from fc2's point, the data from fc1's: one observer for both.
    expect(g.findNode('fc2.activation_post_process')?.attrs.observer).toBe('fc1.activation_post_process');
    const table = buildQconfigTable(prepared);
    const rows = Object.fromEntries(table.ops.map((e) => [e.name, e]));
    for (const name of ['pad', 'scatter', 'tril', 'expand']) {
      expect(rows[name]?.output, name).toEqual(rows.fc1?.output);
    }
    expect(rows.fc2?.rule).toMatch(/shares its scale with fc1.activation_post_process for scatter \(ScatterND\)/);
  });
});

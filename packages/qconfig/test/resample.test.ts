import { Graph, manualSeed, randn, Tensor, type Value } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import {
  buildQconfigTable,
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  INT16_GRID_RULE,
  type PreparedModel,
  prepare,
  type QconfigSetter,
} from '../src/index.js';
import { readerOps } from './support/readerOps.js';

/**
 * A model of the usual GridSample pattern: a conv predicts offsets that become the grid (after a
 * transpose and a tanh), another conv gives the features sampled; then a bilinear and a nearest
 * Resize and a last conv.
 */
function warpModel(): Graph {
  manualSeed(5);
  const g = new Graph('warp');
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 4, 8, 8] });
  const w = (name: string, shape: number[]) => g.addConstant(name, randn(...shape));
  const conv = (name: string, input: Value, weight: Value, pads = [0, 0, 0, 0]) =>
    g.addNode({ op: 'Conv', name, inputs: [input, weight], attrs: { pads } }).output();
  const offsets = conv('conv_grid', x, w('w_grid', [2, 4, 3, 3]), [1, 1, 1, 1]);
  const t = g.addNode({ op: 'Transpose', name: 'to_nhwc', inputs: [offsets], attrs: { perm: [0, 2, 3, 1] } }).output();
  const grid = g.addNode({ op: 'Tanh', name: 'grid', inputs: [t] }).output();
  const feat = conv('conv_feat', x, w('w_feat', [4, 4, 1, 1]));
  const sampled = g.addNode({ op: 'GridSample', name: 'warp', inputs: [feat, grid] }).output();
  const scales = g.addConstant('scales', Tensor.float32([4], [1, 1, 2, 2]));
  const up = g
    .addNode({ op: 'Resize', name: 'up', inputs: [sampled, null, scales], attrs: { mode: 'linear' } })
    .output();
  const nn = g.addNode({ op: 'Resize', name: 'nn', inputs: [up, null, scales], attrs: { mode: 'nearest' } }).output();
  g.setOutputs([conv('head', nn, w('w_head', [2, 4, 1, 1]))]);
  return g;
}

function prepared(setter: QconfigSetter): PreparedModel {
  return prepare(warpModel(), randn(1, 4, 8, 8), { march: 'nash-m', qconfigSetter: setter });
}

describe('GridSample grids in the presets (SPEC section 5)', () => {
  it('the int8 presets make the grid and the ops computing it int16, back to the first GEMM', () => {
    const table = buildQconfigTable(prepared(defaultCalibrationQconfigSetter));
    const row = (name: string) => table.ops.find((e) => e.name === name);
    for (const name of ['conv_grid', 'grid']) {
      expect(row(name)?.output.dtype, name).toBe('qint16');
      expect(row(name)?.rule, name).toContain(INT16_GRID_RULE);
    }
    // The transpose moves the values: it keeps conv_grid's int16 quantization.
    expect(row('to_nhwc')?.output.dtype).toBe('qint16');
    // The features and the sampled output stay int8; the grid input is int16, as the rule says.
    expect(row('conv_feat')?.output.dtype).toBe('qint8');
    expect(row('warp')?.output.dtype).toBe('qint8');
    expect(row('warp')?.inputs.map((i) => i.dtype)).toEqual(['qint8', 'qint16']);
    expect(row('warp')?.rule).toContain('qint16 input 1 (vendor preset rule for GridSample grids)');
    expect(row('conv_feat')?.inputs[0]?.dtype).toBe('qint8');
    // The int16 grid is by design: no dtype-change warning for the GridSample.
    expect(table.warnings.filter((w) => w.op === 'warp')).toEqual([]);
  });

  it('the 16-bit presets make everything int16 and need no such rule', () => {
    const table = buildQconfigTable(prepared(calibration8bitWeight16bitActQconfigSetter));
    for (const e of table.ops.filter((e) => e.output.dtype !== null)) {
      expect(e.output.dtype, e.name).toBe('qint16');
      expect(e.rule, e.name).not.toContain(INT16_GRID_RULE);
    }
  });
});

describe('Resize in prepare', () => {
  it('linear Resize gets its own output point; nearest keeps its input quantization; scales are never quantized', () => {
    const model = prepared(defaultCalibrationQconfigSetter);
    const table = buildQconfigTable(model);
    const readers = (name: string) => readerOps(model.graph, name);
    expect(readers('up')).toEqual(['FakeQuantize']);
    expect(readers('nn')).toEqual(['Conv']);
    expect(table.ops.find((e) => e.name === 'nn')?.rule).toMatch(/keeps its input's quantization/);
    expect(table.ops.find((e) => e.name === 'nn')?.output.dtype).toBe('qint8');
    for (const name of ['up', 'nn']) {
      const scales = model.graph.findNode(name)?.inputs[2];
      expect(scales?.constant?.toNumbers(), name).toEqual([1, 1, 2, 2]);
    }
  });
});

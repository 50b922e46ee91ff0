import { Graph, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { estimateMacs } from '../src/inspect/estimateMacs.js';

describe('ConvTranspose MACs, by hand', () => {
  it('input elements x C_out/group x kernel elements: the decoder upsampling', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 64, 64, 64] });
    const w = g.addConstant('w', Tensor.zeros('float32', [64, 32, 4, 4]));
    const n = g.addNode({ op: 'ConvTranspose', inputs: [x, w], attrs: { strides: [2, 2], pads: [1, 1, 1, 1] } });
    expect(n.output().type.shape).toEqual([1, 32, 128, 128]);
    // 64 x 64 x 64 inputs, each multiplied by 32 x 4 x 4 weights: 2^18 x 2^9 = 2^27
    expect(estimateMacs(g, n)).toEqual({ macs: 134_217_728, symbols: [] });
  });

  it('groups: each input value meets only its group’s C_out/group kernels', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 4, 5, 5] });
    const w = g.addConstant('w', Tensor.zeros('float32', [4, 3, 2, 2]));
    const n = g.addNode({ op: 'ConvTranspose', inputs: [x, w], attrs: { group: 2 } });
    expect(n.output().type.shape).toEqual([1, 6, 6, 6]);
    // 100 input values x 3 output channels of their group x 4 taps
    expect(estimateMacs(g, n).macs).toBe(1200);
  });

  it('a symbolic batch counts as 1 and is reported', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: ['N', 2, 3] });
    const w = g.addConstant('w', Tensor.zeros('float32', [2, 5, 4]));
    const n = g.addNode({ op: 'ConvTranspose', inputs: [x, w], attrs: { strides: [2] } });
    expect(estimateMacs(g, n)).toEqual({ macs: 2 * 3 * 5 * 4, symbols: ['N'] });
  });
});

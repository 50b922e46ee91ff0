import { Graph, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { buildInspectReport } from '../src/inspect/buildInspectReport.js';
import { countParameters } from '../src/inspect/countParameters.js';
import { estimateMacs } from '../src/inspect/estimateMacs.js';
import { builtinModel } from '../src/model/builtinModel.js';

describe('MACs of single nodes, by hand', () => {
  it('Linear: output elements x in_features', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [2, 7, 5] });
    const w = g.addConstant('w', Tensor.zeros('float32', [3, 5]));
    const n = g.addNode({ op: 'Linear', inputs: [x, w] });
    expect(estimateMacs(g, n)).toEqual({ macs: 2 * 7 * 3 * 5, symbols: [] });
  });

  it('Conv: output elements x C_in/group x kernel, with strides, padding and groups', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 8, 10, 10] });
    const w = g.addConstant('w', Tensor.zeros('float32', [6, 4, 3, 3]));
    const n = g.addNode({ op: 'Conv', inputs: [x, w], attrs: { group: 2, strides: [2, 2], pads: [1, 1, 1, 1] } });
    // out = floor((10 + 2 - 3) / 2) + 1 = 5 per spatial dim
    expect(n.output().type.shape).toEqual([1, 6, 5, 5]);
    expect(estimateMacs(g, n).macs).toBe(6 * 5 * 5 * (4 * 3 * 3));
  });

  it('MatMul and Gemm: output elements x K; symbolic dims count as 1 and are reported', () => {
    const g = new Graph();
    const a = g.addInput('a', { dtype: 'float32', shape: ['batch', 4, 6] });
    const b = g.addConstant('b', Tensor.zeros('float32', [6, 5]));
    const mm = g.addNode({ op: 'MatMul', inputs: [a, b] });
    expect(estimateMacs(g, mm)).toEqual({ macs: 4 * 5 * 6, symbols: ['batch'] });
    const p = g.addInput('p', { dtype: 'float32', shape: [6, 3] });
    const q = g.addConstant('q', Tensor.zeros('float32', [7, 6]));
    const gemm = g.addNode({ op: 'Gemm', inputs: [p, q], attrs: { transA: 1, transB: 1 } });
    expect(gemm.output().type.shape).toEqual([3, 7]);
    expect(estimateMacs(g, gemm)).toEqual({ macs: 3 * 7 * 6, symbols: [] });
  });

  it('Einsum: output elements x the summed labels; one operand does none', () => {
    const g = new Graph();
    const a = g.addInput('a', { dtype: 'float32', shape: [2, 3, 4, 5] });
    const b = g.addInput('b', { dtype: 'float32', shape: [4, 5, 6] });
    const n = g.addNode({ op: 'Einsum', inputs: [a, b], attrs: { equation: 'bijk,jkl->bil' } });
    expect(estimateMacs(g, n)).toEqual({ macs: 2 * 3 * 6 * (4 * 5), symbols: [] });
    const diagonal = g.addNode({ op: 'Einsum', inputs: [b], attrs: { equation: 'ijk->k' } });
    expect(estimateMacs(g, diagonal).macs).toBe(0);
  });

  it('other ops do no MACs', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [4, 4] });
    expect(estimateMacs(g, g.addNode({ op: 'Relu', inputs: [x] })).macs).toBe(0);
    expect(estimateMacs(g, g.addNode({ op: 'Softmax', inputs: [x] })).macs).toBe(0);
  });
});

describe('parameters', () => {
  it('counts elements of float constants only', () => {
    const g = new Graph();
    g.addConstant('w', Tensor.zeros('float32', [3, 5]));
    g.addConstant('d', Tensor.zeros('float64', [2]));
    g.addConstant('s', Tensor.float32([], [6]));
    g.addConstant('shape', Tensor.int64([2], [1, 15]));
    g.addConstant('q', Tensor.zeros('int8', [100]));
    expect(countParameters(g)).toBe(15 + 2 + 1);
  });
});

describe('the report of the built-in model', () => {
  const report = buildInspectReport(builtinModel());

  it('says it is the built-in model', () => {
    expect(report.model).toEqual({
      source: 'builtin',
      path: null,
      description: expect.stringContaining("the article's SmallModel"),
      graphName: 'SmallModel',
      artifactKind: null,
    });
  });

  it('has the article numbers', () => {
    expect(report.inputs).toEqual([{ name: 'x', dtype: 'float32', shape: [2, 100, 256] }]);
    expect(report.outputs).toEqual([{ name: 'z', dtype: 'float32', shape: [2, 100, 60] }]);
    expect(report.parameters).toBe(256 * 256 + 256 + (256 + 256) + (256 * 60 + 60) + (60 * 60 + 60));
    expect(report.macs).toBe(2 * 100 * (256 * 256 + 256 * 60 + 60 * 60));
    expect(report.macsSymbolicDimsAsOne).toEqual([]);
    expect(report.opCounts).toEqual({ DeQuantStub: 1, LayerNorm: 1, Linear: 3, QuantStub: 1, Relu: 1 });
    expect(report.nodes.map((n) => [n.name, n.op, n.macs])).toEqual([
      ['quant', 'QuantStub', 0],
      ['linear1', 'Linear', 200 * 256 * 256],
      ['layernorm', 'LayerNorm', 0],
      ['relu', 'Relu', 0],
      ['linear2', 'Linear', 200 * 60 * 256],
      ['linear3', 'Linear', 200 * 60 * 60],
      ['dequant', 'DeQuantStub', 0],
    ]);
  });
});

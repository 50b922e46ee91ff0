import { Graph, isQtkError, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { checkFeed, type SymbolBindings } from '../src/run/checkFeed.js';
import { outputFileNames } from '../src/run/outputFileNames.js';
import { parseInputSpecs } from '../src/run/parseInputSpecs.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (isQtkError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a QtkError');
}

describe('output file names', () => {
  it('keeps safe names and replaces everything else with _', () => {
    expect(outputFileNames(['z', 'logits', 'a-b.c_d'])).toEqual(['z.npy', 'logits.npy', 'a-b.c_d.npy']);
    expect(outputFileNames(['/linear1/Add_output_0'])).toEqual(['_linear1_Add_output_0.npy']);
    expect(outputFileNames(['onnx::MatMul_20', 'a b', 'ü', 'x\\y'])).toEqual([
      'onnx__MatMul_20.npy',
      'a_b.npy',
      '_.npy',
      'x_y.npy',
    ]);
  });

  it('never makes hidden, dot or empty names', () => {
    expect(outputFileNames(['..', '.hidden', ''])).toEqual(['_..npy', '_hidden.npy', 'output.npy']);
  });

  it('numbers collisions in order, ignoring case', () => {
    expect(outputFileNames(['a/b', 'a:b', 'a_b', 'Z', 'z'])).toEqual([
      'a_b.npy',
      'a_b_1.npy',
      'a_b_2.npy',
      'Z.npy',
      'z_1.npy',
    ]);
  });
});

describe('--input values', () => {
  const none = (): boolean => false;

  it('name=file and a bare file for a single input', () => {
    expect(parseInputSpecs(['x=a.npy'], ['x'], none)).toEqual([{ input: 'x', path: 'a.npy' }]);
    expect(parseInputSpecs(['a.npy'], ['x'], none)).toEqual([{ input: 'x', path: 'a.npy' }]);
    expect(parseInputSpecs(['x=dir/a=b.npy'], ['x'], none)).toEqual([{ input: 'x', path: 'dir/a=b.npy' }]);
    expect(parseInputSpecs(['b=2.npy', 'a=1.npy'], ['a', 'b'], none)).toEqual([
      { input: 'b', path: '2.npy' },
      { input: 'a', path: '1.npy' },
    ]);
  });

  it('a bare path containing = when that file exists', () => {
    expect(parseInputSpecs(['run=3.npy'], ['x'], (p) => p === 'run=3.npy')).toEqual([
      { input: 'x', path: 'run=3.npy' },
    ]);
  });

  it('an unknown name lists the inputs', () => {
    expect(messageOf(() => parseInputSpecs(['y=a.npy'], ['x'], none))).toBe(
      "--input y=a.npy: the model has no input 'y' (its inputs: x)",
    );
  });

  it('a bare file for a model with several inputs', () => {
    expect(messageOf(() => parseInputSpecs(['a.npy'], ['x', 'y'], none))).toBe(
      '--input a.npy: the model has 2 inputs (x, y); name each: --input <name>=<file.npy>',
    );
  });

  it('repeated, missing and empty', () => {
    expect(messageOf(() => parseInputSpecs(['x=a.npy', 'x=b.npy'], ['x'], none))).toBe(
      "input 'x' is given more than once",
    );
    expect(messageOf(() => parseInputSpecs(['x=a.npy'], ['x', 'y'], none))).toBe(
      "missing 'y': the model's inputs are x, y; give each with --input <name>=<file.npy>",
    );
    expect(messageOf(() => parseInputSpecs([], ['x'], none))).toContain("missing 'x'");
    expect(messageOf(() => parseInputSpecs(['x='], ['x'], none))).toBe("--input x=: no file after '='");
  });
});

describe('checking a feed against its graph input', () => {
  const graph = new Graph();
  const x = graph.addInput('x', { dtype: 'float32', shape: ['N', 3, 4] });
  const y = graph.addInput('y', { dtype: 'float32', shape: ['N', 'N'] });
  const ids = graph.addInput('ids', { dtype: 'int64', shape: [2] });

  it('accepts a fitting tensor and binds symbolic dims', () => {
    const bindings: SymbolBindings = new Map();
    checkFeed(x, Tensor.zeros('float32', [5, 3, 4]), 'x.npy', bindings);
    expect(bindings.get('N')).toEqual({ size: 5, input: 'x' });
    expect(() => checkFeed(y, Tensor.zeros('float32', [5, 5]), 'y.npy', bindings)).not.toThrow();
  });

  it('names the input and file, the expected and the given', () => {
    const fresh = (): SymbolBindings => new Map();
    expect(messageOf(() => checkFeed(x, Tensor.zeros('float64', [5, 3, 4]), 'x.npy', fresh()))).toBe(
      "input 'x' (x.npy): expected dtype float32, got float64",
    );
    expect(messageOf(() => checkFeed(x, Tensor.zeros('float32', [5, 3, 5]), 'x.npy', fresh()))).toBe(
      "input 'x' (x.npy): expected shape [N,3,4], got [5,3,5]",
    );
    expect(messageOf(() => checkFeed(x, Tensor.zeros('float32', [3, 4]), 'x.npy', fresh()))).toBe(
      "input 'x' (x.npy): expected shape [N,3,4], got [3,4]",
    );
    expect(messageOf(() => checkFeed(y, Tensor.zeros('float32', [2, 3]), 'y.npy', fresh()))).toBe(
      "input 'y' (y.npy): expected shape [N,N] (the dims named N must be equal), got [2,3]",
    );
    const bound: SymbolBindings = new Map([['N', { size: 5, input: 'x' }]]);
    expect(messageOf(() => checkFeed(y, Tensor.zeros('float32', [2, 2]), 'y.npy', bound))).toBe(
      "input 'y' (y.npy): expected shape [N,N] with N = 5 as in input 'x', got [2,2]",
    );
  });

  it('counts NaN and infinite values in float inputs', () => {
    const data = new Float32Array(60);
    data[0] = Number.NaN;
    data[7] = Number.NaN;
    data[59] = Number.NEGATIVE_INFINITY;
    expect(messageOf(() => checkFeed(x, new Tensor('float32', [5, 3, 4], data), 'x.npy', new Map()))).toBe(
      "input 'x' (x.npy): 2 NaN and 1 infinite values of 60; inputs must be finite",
    );
    data.fill(0);
    data[3] = Number.POSITIVE_INFINITY;
    expect(messageOf(() => checkFeed(x, new Tensor('float32', [5, 3, 4], data), 'x.npy', new Map()))).toBe(
      "input 'x' (x.npy): 1 infinite value of 60; inputs must be finite",
    );
  });

  it("takes any size for an unknown dim '?' and binds nothing", () => {
    const g = new Graph();
    const u = g.addInput('u', { dtype: 'float32', shape: ['?', '?'] });
    const bindings: SymbolBindings = new Map();
    expect(() => checkFeed(u, Tensor.zeros('float32', [2, 3]), 'u.npy', bindings)).not.toThrow();
    expect(bindings.size).toBe(0);
  });

  it('accepts any integer values', () => {
    expect(() => checkFeed(ids, Tensor.int64([2], [-1, 2 ** 40]), 'ids.npy', new Map())).not.toThrow();
  });
});

import { type Attributes, Graph, type Node, QTK_DOMAIN, Tensor, type Value } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { lowerToInteger } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

type Dt = 'qint8' | 'qint16';

/**
 * input -> FakeQuantize(dtype, sIn) -> op -> [FakeQuantize(dtype, sOut)] -> outputs, as prepare leaves
 * it: a passthrough op (sOut undefined) or one computing no float output has no point of its own.
 */
function qat(
  op: string,
  dtype: Dt,
  shape: number[],
  sIn: number,
  sOut: number | undefined,
  attrs: Attributes = {},
  extra: (g: Graph) => (Value | null)[] = () => [],
  outputs = 1,
): Graph {
  const g = new Graph(op);
  const x = g.addInput('x', { dtype: 'float32', shape });
  const fq = (v: Value, name: string, s: number) =>
    g.addNode({ op: 'FakeQuantize', name, inputs: [v], attrs: { dtype, scales: [s], enabled: 1 } }).output();
  const n = g.addNode({ op, name: 'f', inputs: [fq(x, 'in_fq', sIn), ...extra(g)], attrs, outputs });
  const [first, ...rest] = n.outputs as [Value, ...Value[]];
  g.setOutputs([sOut === undefined ? first : fq(first, 'out_fq', sOut), ...rest]);
  return g;
}

/** Every code of a dtype once, in a scrambled order, as float inputs x = q s. */
function everyCode(dtype: Dt, s: number, shape: number[]): Tensor {
  const lo = dtype === 'qint8' ? -128 : -32768;
  const n = dtype === 'qint8' ? 256 : 65536;
  // k -> (k * 97) mod n is a permutation (97 is odd, n a power of two).
  return Tensor.float32(
    shape,
    Array.from({ length: n }, (_, k) => (lo + ((k * 97) % n)) * s),
  );
}

const outputsOf = (g: Graph, x: Tensor) =>
  g.outputs.map((v) => runGraph(g, { x }).outputs[v.name] as Tensor).map((t) => t.toNumbers());

describe('selections run on the integers, bit for bit the fake-quant model', () => {
  for (const [dtype, shape] of [
    ['qint8', [4, 64]],
    ['qint16', [256, 256]],
  ] as const) {
    const s = dtype === 'qint8' ? 0.05 : 0.0007;
    for (const [op, attrs] of [
      ['ReduceMax', { axes: [1] }],
      ['ReduceMin', { axes: [0], keepdims: 0 }],
      ['ReduceMax', {}],
    ] as const) {
      it(`${dtype} ${op} ${JSON.stringify(attrs)}: the same op on the integers, keeping the input's scale`, () => {
        const g = qat(op, dtype, [...shape], s, undefined, attrs);
        const { graph, warnings } = lowerToInteger(g, toyPolicy, 'toy');
        const f = graph.findNode('f') as Node;
        expect(f.qualifiedOp).toBe(op);
        expect(f.input(0).type.dtype).toBe(dtype === 'qint8' ? 'int8' : 'int16');
        expect(f.annotations.unit).toBe('vae');
        expect(warnings).toEqual([]);
        const x = everyCode(dtype, s, [...shape]);
        expect(outputsOf(graph, x)).toEqual(outputsOf(g, x));
      });
    }

    it(`${dtype} GlobalMaxPool: on the integers, bit for bit`, () => {
      const nchw = [1, shape[0] as number, 8, (shape[1] as number) / 8];
      const g = qat('GlobalMaxPool', dtype, nchw, s, undefined);
      const { graph } = lowerToInteger(g, toyPolicy, 'toy');
      expect(graph.findNode('f')?.qualifiedOp).toBe('GlobalMaxPool');
      const x = everyCode(dtype, s, nchw);
      expect(outputsOf(graph, x)).toEqual(outputsOf(g, x));
    });
  }
});

describe('ReduceSum (and ReduceMean): an exact integer sum and one requantization', () => {
  // A sum of n codes spans n times the input's range: output scales for about 60% of it, so that
  // the largest sums saturate. With 0.6 many sums fall exactly halfway between two output codes
  // (n s_in / s_out = 1 / 0.6), where the integer rounding (half up, through a 31-bit multiplier)
  // and the fake-quant model's (half to even, in float32) may part by 1 LSB.
  for (const [dtype, shape, sIn] of [
    ['qint8', [64, 4], 0.02],
    ['qint16', [4096, 16], 0.0003],
  ] as const) {
    for (const [op, share] of [
      ['ReduceSum', 0.6],
      ['ReduceSum', 0.61],
      ['ReduceMean', 0.61],
    ] as const) {
      // A mean spans the input's range, not n times it.
      const sOut = sIn * (op === 'ReduceSum' ? shape[1] : 1) * share;
      it(`${dtype} ${op}, output scale for ${share * 100}% of the range: within 1 LSB on every input code (measured)`, () => {
        const g = qat(op, dtype, [...shape], sIn, sOut, { axes: [1], keepdims: 0 });
        const { graph } = lowerToInteger(g, toyPolicy, 'toy');
        const f = graph.findNode('f') as Node;
        expect(f.qualifiedOp).toBe(`${QTK_DOMAIN}::${op}`);
        expect(f.attrs.axes).toEqual([1]);
        const x = everyCode(dtype, sIn, [...shape]);
        const [got] = outputsOf(graph, x) as [number[]];
        const [ref] = outputsOf(g, x) as [number[]];
        let max = 0;
        let exact = 0;
        got.forEach((v, i) => {
          const d = Math.abs(Math.round(v / sOut) - Math.round((ref[i] as number) / sOut));
          max = Math.max(max, d);
          if (d === 0) exact++;
        });
        console.log(`${dtype} ${op} (${share}): ${((100 * exact) / got.length).toFixed(2)}% exact, max ${max} LSB`);
        expect(max).toBeLessThanOrEqual(1);
      });
    }
  }

  it('the ratio is s_in / s_out (a mean folds in 1/count): a sum of 4 codes of 0.5 into a scale of 1 is the sum / 2', () => {
    const g = qat('ReduceSum', 'qint8', [1, 4], 0.5, 1, { axes: [-1] });
    const { graph } = lowerToInteger(g, toyPolicy, 'toy');
    // codes 1, 3, 5, 7 (x = 0.5, 1.5, 2.5, 3.5): sum 16 codes = 8.0 -> code 8 at scale 1
    const x = Tensor.float32([1, 4], [0.5, 1.5, 2.5, 3.5]);
    expect(outputsOf(graph, x)).toEqual([[8]]);
  });

  it('axes the model computes are a CPU fallback', () => {
    const g = qat('ReduceSum', 'qint8', [2, 4], 0.5, 1, {}, (q) => [
      q.addInput('axes', { dtype: 'int64', shape: [1] }),
    ]);
    const { graph, warnings } = lowerToInteger(g, toyPolicy, 'toy');
    expect(graph.findNode('f')?.annotations.fallback).toBeDefined();
    expect(warnings).toEqual(['f (ReduceSum): no integer kernel on toy; runs in float32 on the CPU']);
  });
});

describe('ArgMax and ArgMin', () => {
  it('of a quantized activation: on its integers, exactly the fake-quant model, ties included', () => {
    const s = 0.1;
    for (const op of ['ArgMax', 'ArgMin']) {
      const g = qat(op, 'qint8', [2, 4], s, undefined, { axis: 1, keepdims: 0 });
      const { graph, warnings } = lowerToInteger(g, toyPolicy, 'toy');
      const f = graph.findNode('f') as Node;
      expect(f.qualifiedOp).toBe(op);
      expect(f.input(0).type.dtype).toBe('int8');
      expect(f.annotations).toEqual({ unit: 'vae' });
      expect(warnings).toEqual([]);
      // Row 0: 0.31 and 0.34 are distinct floats but both code 3: the fake-quant model (and the
      // integers) see a tie and take the first; the float model would take index 2 (or 1 for min
      // of -0.31, -0.34). Row 1: every code, no tie.
      const x = Tensor.float32([2, 4], [0.1, 0.31, 0.34, -0.2, 1.2, -3, 12.7, -12.8]);
      const neg = Tensor.float32(
        [2, 4],
        [...x.data].map((v) => -v),
      );
      for (const input of [x, neg]) {
        const got = outputsOf(graph, input);
        expect(got).toEqual(outputsOf(g, input));
      }
      expect(outputsOf(graph, op === 'ArgMax' ? x : neg)).toEqual([[1, 2]]);
    }
  });

  it('of float data: a CPU fallback whose warning says why', () => {
    const g = new Graph('argmax');
    const x = g.addInput('x', { dtype: 'float32', shape: [3] });
    g.setOutputs([g.addNode({ op: 'ArgMax', name: 'f', inputs: [x] }).output()]);
    const { graph, warnings } = lowerToInteger(g, toyPolicy, 'toy');
    expect(graph.findNode('f')?.annotations).toEqual({ unit: 'cpu', fallback: 'float32 on the CPU' });
    expect(warnings).toEqual([
      'f (ArgMax): no integer kernel on toy (its input is float data, not a quantized activation); runs in float32 on the CPU',
    ]);
  });

  it('of integer data (index arithmetic): copied as it is, nothing to report', () => {
    const g = new Graph('argmax');
    const x = g.addInput('x', { dtype: 'int64', shape: [3] });
    g.setOutputs([g.addNode({ op: 'ArgMax', name: 'f', inputs: [x] }).output()]);
    const { graph, warnings } = lowerToInteger(g, toyPolicy, 'toy');
    expect(graph.findNode('f')?.annotations).toEqual({ unit: 'cpu' });
    expect(warnings).toEqual([]);
  });
});

describe('what stays float is a marked CPU fallback with its reason', () => {
  it('TopK, CumSum and a non-GEMM Einsum: fallback warnings with reasons; outputs as the fake-quant model', () => {
    const cases: [string, Attributes, (g: Graph) => (Value | null)[], number, string][] = [
      [
        'TopK',
        {},
        (g) => [g.addConstant('k', Tensor.int64([1], [2]))],
        2,
        "f (TopK): no integer kernel on toy (a sort: qtk's integer op set has no TopK); runs in float32 on the CPU",
      ],
      [
        'CumSum',
        {},
        (g) => [g.addConstant('axis', Tensor.int64([], [1]))],
        1,
        "f (CumSum): no integer kernel on toy (a running sum: qtk's integer op set has no CumSum); runs in float32 on the CPU",
      ],
      [
        'Einsum',
        { equation: 'ij->i' },
        () => [],
        1,
        "f (Einsum): no integer kernel on toy (equation 'ij->i' is not a matrix product, the Einsums import turns into MatMul); runs in float32 on the CPU",
      ],
    ];
    for (const [op, attrs, extra, outputs, warning] of cases) {
      const g = qat(op, 'qint8', [2, 4], 0.05, 0.1, attrs, extra, outputs);
      const { graph, warnings } = lowerToInteger(g, toyPolicy, 'toy');
      const f = graph.findNode('f') as Node;
      expect(f.qualifiedOp).toBe(op);
      expect(f.annotations).toEqual({ unit: 'cpu', fallback: 'float32 on the CPU' });
      expect(warnings).toEqual([warning]);
      // What reads its output point reads integers again: a Quantize on the CPU.
      expect(graph.findNode('out_fq')?.qualifiedOp).toBe(`${QTK_DOMAIN}::Quantize`);
      const x = Tensor.float32([2, 4], [0.3, -1.2, 2.5, 0.05, 6, -6.4, 0.1, 0.1]);
      expect(outputsOf(graph, x)).toEqual(outputsOf(g, x));
    }
  });
});

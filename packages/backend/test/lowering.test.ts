import { Graph, type Node, QTK_DOMAIN, Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { lowerToInteger } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

type Dt = 'qint8' | 'qint16';

/** input -> FakeQuantize(dtype, sIn) -> op -> FakeQuantize(dtype, sOut) -> output, as prepare would leave it. */
function qatUnary(op: string, dtype: Dt, sIn: number, sOut: number, n: number, attrs = {}): Graph {
  const g = new Graph('unary');
  const x = g.addInput('x', { dtype: 'float32', shape: [n] });
  const fq = (v: Node['inputs'][number], name: string, s: number) =>
    g.addNode({ op: 'FakeQuantize', name, inputs: [v], attrs: { dtype, scales: [s], enabled: 1 } }).output();
  const a = fq(x, 'in_fq', sIn);
  const y = g.addNode({ op, name: 'f', inputs: [a], attrs }).output();
  g.setOutputs([fq(y, 'out_fq', sOut)]);
  return g;
}

/** Every integer code of a dtype as float inputs (x = i s). */
function allCodes(dtype: Dt, s: number): Tensor {
  const lo = dtype === 'qint8' ? -128 : -32768;
  const n = dtype === 'qint8' ? 256 : 65536;
  return Tensor.float32(
    [n],
    Array.from({ length: n }, (_, k) => (lo + k) * s),
  );
}

describe('lookup tables', () => {
  for (const [op, attrs, sIn, sOut] of [
    ['Sigmoid', {}, 8 / 127.5, 1 / 127.5],
    ['Tanh', {}, 4 / 127.5, 1 / 127.5],
    ['Gelu', { approximate: 'none' }, 6 / 127.5, 6 / 127.5],
    ['Erf', {}, 3 / 127.5, 1 / 127.5],
    ['Exp', {}, 4 / 127.5, 55 / 127.5],
  ] as const) {
    it(`int8 ${op}: a 256-entry Lut identical to the fake-quant model on every input code`, () => {
      const qat = qatUnary(op, 'qint8', sIn, sOut, 256, attrs);
      const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
      expect(graph.findNode('f')?.qualifiedOp).toBe('qtk::Lut');
      const x = allCodes('qint8', sIn);
      const ref = runGraph(qat, { x }).outputs.out_fq as Tensor;
      const got = runGraph(graph, { x }).outputs.out_fq as Tensor;
      // Equal values (a table gives +0 where fake quantization gives -0).
      expect(got.toNumbers().map((v) => v + 0)).toEqual(ref.toNumbers().map((v) => v + 0));
    });
  }

  for (const [op, attrs, range, outRange] of [
    ['Sigmoid', {}, 8, 1],
    ['Tanh', {}, 4, 1],
    ['Gelu', { approximate: 'none' }, 6, 6],
    ['Erf', {}, 3, 1],
    ['Exp', {}, 4, 55],
  ] as const) {
    it(`int16 ${op}: a SegmentLut within 1 LSB of the fake-quant model on every input code (measured)`, () => {
      const sIn = range / 32767.5;
      const sOut = outRange / 32767.5;
      const qat = qatUnary(op, 'qint16', sIn, sOut, 65536, attrs);
      const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
      expect(graph.findNode('f')?.qualifiedOp).toBe('qtk::SegmentLut');
      const x = allCodes('qint16', sIn);
      const ref = runGraph(qat, { x }).outputs.out_fq as Tensor;
      const got = runGraph(graph, { x }).outputs.out_fq as Tensor;
      let max = 0;
      let within = 0;
      for (let i = 0; i < ref.size; i++) {
        const d = Math.abs(Math.round((got.data[i] as number) / sOut) - Math.round((ref.data[i] as number) / sOut));
        max = Math.max(max, d);
        if (d <= 1) within++;
      }
      console.log(
        `int16 ${op} segmented table: ${((100 * within) / ref.size).toFixed(2)}% within 1 LSB, max ${max.toFixed(1)} LSB`,
      );
      // qtk's model of the hardware table (8 segments x 64 intervals), planned on every input
      // code (segmentTablePlan): what README promises.
      expect(max).toBeLessThanOrEqual(1);
    });
  }
});

describe('fallback', () => {
  it('an op without an integer kernel runs in float on the CPU, marked and warned about', () => {
    const qat = qatUnary('Sqrt', 'qint8', 0.05, 0.02, 4);
    const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy-npu');
    const f = graph.findNode('f') as Node;
    expect(f.qualifiedOp).toBe('Sqrt');
    expect(f.annotations).toEqual({ unit: 'cpu', fallback: 'float32 on the CPU' });
    expect(f.input(0).producer?.qualifiedOp).toBe('qtk::Dequantize');
    expect(f.input(0).producer?.annotations.unit).toBe('cpu');
    const q = f.output().uses[0]?.node as Node;
    expect(q.qualifiedOp).toBe('qtk::Quantize');
    expect(q.annotations.unit).toBe('cpu');
    expect(warnings).toEqual(['f (Sqrt): no integer kernel on toy-npu; runs in float32 on the CPU']);
    const x = Tensor.float32([4], [0, 0.25, 1, 4]);
    expect(runGraph(graph, { x }).outputs.out_fq?.toNumbers()).toEqual(
      runGraph(qat, { x }).outputs.out_fq?.toNumbers(),
    );
  });
});

describe('requantization', () => {
  it('a point with the scale and dtype its input already has vanishes; another becomes one Rescale', () => {
    for (const [sOut, expected] of [
      [0.05, ['Relu']],
      [0.1, ['Relu', 'out_fq']],
    ] as const) {
      const qat = qatUnary('Relu', 'qint8', 0.05, sOut, 4);
      const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
      const kinds = graph.nodes
        .filter((n) => n.name !== 'in_fq' && n.op !== 'Dequantize')
        .map((n) => (n.op === 'Relu' ? 'Relu' : n.name));
      expect(kinds).toEqual(expected);
      if (expected.length === 2) expect(graph.findNode('out_fq')?.qualifiedOp).toBe(`${QTK_DOMAIN}::Rescale`);
    }
  });
});

import { type AttributeValue, Graph, manualSeed, type Node, randn, Tensor, type Value } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { lowerToInteger } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

// The lowerings of the elementwise family against the fake-quant model they replace: int8 tables
// identical on every input code, int16 tables measured on every input code, integer ops within 1
// LSB on every code or on many random inputs, selections and predicates exact.

type Dt = 'qint8' | 'qint16';
const RANGE = { qint8: [-128, 127], qint16: [-32768, 32767] } as const;

/** A QAT graph under construction: float inputs, fake-quant points, ops. */
class Qat {
  readonly g = new Graph('qat');
  input(name: string, shape: number[]): Value {
    return this.g.addInput(name, { dtype: 'float32', shape });
  }
  fq(v: Value, name: string, dtype: Dt, s: number): Value {
    return this.g
      .addNode({ op: 'FakeQuantize', name, inputs: [v], attrs: { dtype, scales: [s], enabled: 1 } })
      .output();
  }
  op(op: string, inputs: Value[], attrs: Record<string, AttributeValue> = {}, name = 'f'): Value {
    return this.g.addNode({ op, name, inputs, attrs }).output();
  }
  constant(name: string, t: Tensor): Value {
    return this.g.addConstant(name, t);
  }
}

/** input -> FakeQuantize(dtype, sIn) -> op -> FakeQuantize(dtype, sOut), as prepare leaves a compute op. */
function qatUnary(op: string, dtype: Dt, sIn: number, sOut: number, n: number, attrs = {}, slope?: Tensor): Graph {
  const q = new Qat();
  const a = q.fq(q.input('x', [n]), 'in_fq', dtype, sIn);
  const inputs = slope ? [a, q.constant('slope', slope)] : [a];
  q.g.setOutputs([q.fq(q.op(op, inputs, attrs), 'out_fq', dtype, sOut)]);
  return q.g;
}

/** Every integer code of a dtype as float inputs (x = i s). */
function allCodes(dtype: Dt, s: number): Tensor {
  const [lo, hi] = RANGE[dtype];
  return Tensor.float32(
    [hi - lo + 1],
    Array.from({ length: hi - lo + 1 }, (_, k) => (lo + k) * s),
  );
}

/** The integer model and the fake-quant model on the same feeds: largest difference in LSB of `s`, NaNs of the reference skipped. */
function lsbDifference(qat: Graph, converted: Graph, feeds: Record<string, Tensor>, s: number, output = 'out_fq') {
  const ref = runGraph(qat, feeds).outputs[output] as Tensor;
  const got = runGraph(converted, feeds).outputs[output] as Tensor;
  let max = 0;
  let within = 0;
  let counted = 0;
  for (let i = 0; i < ref.size; i++) {
    const r = ref.data[i] as number;
    if (Number.isNaN(r)) continue;
    counted++;
    const d = Math.abs(Math.round((got.data[i] as number) / s) - Math.round(r / s));
    max = Math.max(max, d);
    if (d <= 1) within++;
  }
  return { max, within: within / counted, ref, got };
}

const f32 = (shape: number[], v: number[]) => Tensor.float32(shape, v);

/** Each function: op, attributes, input range, output range, the slope of a scalar PRelu. */
const TABLES: [string, Record<string, AttributeValue>, number, number, Tensor?][] = [
  ['HardSwish', {}, 8, 8],
  ['HardSigmoid', { alpha: 0.25, beta: 0.4 }, 6, 1],
  ['LeakyRelu', { alpha: 0.1 }, 8, 8],
  ['PRelu', {}, 8, 8, f32([1], [0.25])],
  ['Elu', { alpha: 1 }, 6, 6],
  ['Selu', {}, 6, 7],
  ['Softplus', {}, 8, 8],
  ['Log', {}, 8, 3],
  ['Reciprocal', {}, 4, 20],
  ['Cos', {}, 4, 1],
  ['Sin', {}, 4, 1],
  ['Sign', {}, 4, 1],
  ['Round', {}, 2, 2],
  ['Floor', {}, 4, 4],
  ['Ceil', {}, 3, 3],
];

describe('int8 lookup tables of the elementwise family', () => {
  for (const [op, attrs, range, outRange, slope] of TABLES) {
    it(`${op}: a 256-entry Lut identical to the fake-quant model on every input code`, () => {
      const [sIn, sOut] = [range / 127.5, outRange / 127.5];
      const qat = qatUnary(op, 'qint8', sIn, sOut, 256, attrs, slope);
      const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
      expect(warnings).toEqual([]);
      expect(graph.findNode('f')?.qualifiedOp).toBe('qtk::Lut');
      const x = allCodes('qint8', sIn);
      const ref = runGraph(qat, { x }).outputs.out_fq as Tensor;
      const got = runGraph(graph, { x }).outputs.out_fq as Tensor;
      ref.toNumbers().forEach((r, i) => {
        // Log of a code below 0 is NaN in float: the table gives the lowest code there.
        const expected = Number.isNaN(r) ? -128 * sOut : r;
        expect(Math.fround((got.data[i] as number) + 0), `${op} at code ${i - 128}`).toBe(Math.fround(expected + 0));
      });
    });
  }
});

describe('int16 segmented tables of the elementwise family, measured on every input code', () => {
  // The worst difference from the fake-quant model, in output LSB, that the table reaches at these
  // scales (measured here; the README quotes these numbers).
  const EXPECTED_WORST: Record<string, number> = {
    HardSwish: 1,
    HardSigmoid: 1,
    LeakyRelu: 1,
    PRelu: 1,
    Elu: 1,
    Selu: 1,
    Softplus: 1,
    Log: 2,
    Cos: 2,
    Sin: 2,
    Sign: 0,
    Floor: 0,
    Ceil: 0,
    Round: 0,
  };
  for (const [op, attrs, range, outRange, slope] of TABLES) {
    if (op === 'Reciprocal') continue;
    it(`${op}: a SegmentLut within ${EXPECTED_WORST[op]} LSB on every code`, () => {
      const [sIn, sOut] = [range / 32767.5, outRange / 32767.5];
      const qat = qatUnary(op, 'qint16', sIn, sOut, 65536, attrs, slope);
      const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
      expect(warnings).toEqual([]);
      expect(graph.findNode('f')?.qualifiedOp).toBe('qtk::SegmentLut');
      const { max, within } = lsbDifference(qat, graph, { x: allCodes('qint16', sIn) }, sOut);
      console.log(`int16 ${op} segmented table: ${(100 * within).toFixed(2)}% within 1 LSB, max ${max} LSB`);
      expect(max).toBeLessThanOrEqual(EXPECTED_WORST[op] as number);
    });
  }

  it('a segment ends at a kink: HardSigmoid linear from its lower corner', () => {
    // alpha 0.25, beta 0.4: the lower corner at x = -1.6, code -1.6 / s (the value there is 0 to
    // within 1e-4 LSB on either code next to it, so either may start the segment)
    const s = 6 / 32767.5;
    const qat = qatUnary('HardSigmoid', 'qint16', s, 1 / 32767.5, 4, { alpha: 0.25, beta: 0.4 });
    const bounds = lowerToInteger(qat, toyPolicy, 'toy').graph.findNode('f')?.attrs.bounds as number[];
    expect(bounds.some((b) => Math.abs(b + 1.6 / s) <= 1)).toBe(true);
  });

  it('functions no eight segments follow within 4 LSB stay float, saying why', () => {
    for (const [op, range, outRange] of [
      ['Reciprocal', 4, 20],
      ['Sin', 100, 1],
      ['Round', 20, 20],
    ] as const) {
      const qat = qatUnary(op, 'qint16', range / 32767.5, outRange / 32767.5, 4);
      const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
      expect(graph.findNode('f')?.qualifiedOp).toBe(op);
      const name = op.toLowerCase();
      expect(warnings).toEqual([
        `f (${op}): no integer kernel on toy (no 8-segment int16 table follows ${name} within 4 LSB on every input code at these scales); runs in float32 on the CPU`,
      ]);
    }
  });
});

/** Two activations with their own points, an op, its output point. */
function qatBinary(op: string, dtype: Dt, sa: number, sb: number, sOut: number, shape: number[]): Graph {
  const q = new Qat();
  const a = q.fq(q.input('a', shape), 'a_fq', dtype, sa);
  const b = q.fq(q.input('b', shape), 'b_fq', dtype, sb);
  q.g.setOutputs([q.fq(q.op(op, [a, b]), 'out_fq', dtype, sOut)]);
  return q.g;
}

function randomFeeds(seed: number, names: string[], shape: number[], scale: number): Record<string, Tensor> {
  manualSeed(seed);
  return Object.fromEntries(
    names.map((n) => [
      n,
      Tensor.float32(
        shape,
        randn(...shape).data.map((v) => v * scale),
      ),
    ]),
  );
}

describe('integer Max and Min', () => {
  for (const op of ['Max', 'Min']) {
    for (const [dtype, sa, sb, sOut] of [
      ['qint8', 0.05, 0.05, 0.04],
      ['qint8', 0.05, 0.02, 0.06],
      ['qint16', 3e-4, 1e-4, 2e-4],
    ] as const) {
      it(`${op} ${dtype} of inputs at scales ${sa} and ${sb}: within 1 LSB of the fake-quant model on 20000 inputs`, () => {
        const qat = qatBinary(op, dtype, sa, sb, sOut, [20000]);
        const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
        expect(warnings).toEqual([]);
        expect(graph.findNode('f')?.qualifiedOp).toBe(`qtk::${op}`);
        const feeds = randomFeeds(7, ['a', 'b'], [20000], dtype === 'qint8' ? 3 : 4);
        expect(lsbDifference(qat, graph, feeds, sOut).max).toBeLessThanOrEqual(1);
      });
    }
  }

  it('a constant operand (a quantized constant) and three inputs broadcast', () => {
    const q = new Qat();
    const a = q.fq(q.input('a', [4, 1]), 'a_fq', 'qint8', 0.05);
    const b = q.fq(q.input('b', [5]), 'b_fq', 'qint8', 0.05);
    const c = q.fq(q.constant('c', f32([], [0.3])), 'c_fq', 'qint8', 0.3 / 127);
    q.g.setOutputs([q.fq(q.op('Max', [a, b, c]), 'out_fq', 'qint8', 0.05)]);
    const { graph } = lowerToInteger(q.g, toyPolicy, 'toy');
    expect(graph.findNode('f')?.inputs).toHaveLength(3);
    const feeds = randomFeeds(3, ['a'], [4, 1], 2);
    Object.assign(feeds, randomFeeds(4, ['b'], [5], 2));
    expect(lsbDifference(q.g, graph, feeds, 0.05).max).toBeLessThanOrEqual(1);
  });

  it('an input that is not quantized keeps the op float, saying why', () => {
    const q = new Qat();
    const a = q.fq(q.input('a', [3]), 'a_fq', 'qint8', 0.05);
    q.g.setOutputs([q.fq(q.op('Min', [a, q.input('b', [3])]), 'out_fq', 'qint8', 0.05)]);
    expect(lowerToInteger(q.g, toyPolicy, 'toy').warnings).toEqual([
      'f (Min): no integer kernel on toy (input 1 is not quantized); runs in float32 on the CPU',
    ]);
  });
});

describe('integer Abs and Neg', () => {
  for (const op of ['Abs', 'Neg']) {
    for (const [dtype, sIn, sOut] of [
      ['qint8', 0.05, 0.05],
      ['qint8', 0.05, 0.03],
      ['qint16', 1e-4, 7e-5],
    ] as const) {
      it(`${op} ${dtype} ${sIn} -> ${sOut}: within 1 LSB of the fake-quant model on every input code`, () => {
        const qat = qatUnary(op, dtype, sIn, sOut, dtype === 'qint8' ? 256 : 65536);
        const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
        expect(graph.findNode('f')?.qualifiedOp).toBe(`qtk::${op}`);
        expect(lsbDifference(qat, graph, { x: allCodes(dtype, sIn) }, sOut).max).toBeLessThanOrEqual(1);
      });
    }
  }
});

describe('PRelu with one slope per channel', () => {
  for (const dtype of ['qint8', 'qint16'] as const) {
    it(`${dtype}: qtk's integer PRelu (negative slopes too) within 1 LSB on every code of every channel`, () => {
      const slopes = [0.25, -0.5, 0, 1.75];
      const [lo, hi] = RANGE[dtype];
      const n = hi - lo + 1;
      const sIn = dtype === 'qint8' ? 4 / 127.5 : 4 / 32767.5;
      const sOut = dtype === 'qint8' ? 7 / 127.5 : 7 / 32767.5;
      const q = new Qat();
      const x = q.fq(q.input('x', [1, 4, n]), 'in_fq', dtype, sIn);
      q.g.setOutputs([q.fq(q.op('PRelu', [x, q.constant('slope', f32([4, 1], slopes))]), 'out_fq', dtype, sOut)]);
      const { graph } = lowerToInteger(q.g, toyPolicy, 'toy');
      const f = graph.findNode('f') as Node;
      expect(f.qualifiedOp).toBe('qtk::PRelu');
      expect(f.attrs.axis).toBe(1);
      const codes = allCodes(dtype, sIn).toNumbers();
      const feeds = { x: f32([1, 4, n], [...codes, ...codes, ...codes, ...codes]) };
      expect(lsbDifference(q.g, graph, feeds, sOut).max).toBeLessThanOrEqual(1);
    });
  }

  it('a slope varying along two axes stays float, saying why', () => {
    const q = new Qat();
    const x = q.fq(q.input('x', [2, 3]), 'in_fq', 'qint8', 0.05);
    q.g.setOutputs([q.fq(q.op('PRelu', [x, q.constant('slope', randn(2, 3))]), 'out_fq', 'qint8', 0.05)]);
    expect(lowerToInteger(q.g, toyPolicy, 'toy').warnings[0]).toContain('(its slope varies along more than one axis)');
  });
});

describe('Sum and Mean', () => {
  for (const op of ['Sum', 'Mean']) {
    it(`${op} of two activations: the integer Add with 1/n folded in, within 1 LSB on 20000 inputs`, () => {
      const qat = qatBinary(op, 'qint8', 0.04, 0.03, op === 'Sum' ? 0.06 : 0.035, [20000]);
      const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
      expect(graph.findNode('f')?.qualifiedOp).toBe('qtk::Add');
      const feeds = randomFeeds(11, ['a', 'b'], [20000], 2);
      expect(lsbDifference(qat, graph, feeds, op === 'Sum' ? 0.06 : 0.035).max).toBeLessThanOrEqual(1);
    });
  }

  it('of one input: a Rescale (or nothing); of three: float, saying why', () => {
    const one = qatUnary('Mean', 'qint8', 0.05, 0.04, 256);
    const { graph } = lowerToInteger(one, toyPolicy, 'toy');
    expect(graph.findNode('f_rescale')?.qualifiedOp).toBe('qtk::Rescale');
    expect(lsbDifference(one, graph, { x: allCodes('qint8', 0.05) }, 0.04).max).toBeLessThanOrEqual(1);
    const q = new Qat();
    const xs = ['a', 'b', 'c'].map((n) => q.fq(q.input(n, [2]), `${n}_fq`, 'qint8', 0.05));
    q.g.setOutputs([q.fq(q.op('Sum', xs), 'out_fq', 'qint8', 0.1)]);
    expect(lowerToInteger(q.g, toyPolicy, 'toy').warnings).toEqual([
      'f (Sum): no integer kernel on toy (the integer Add takes two inputs, not 3); runs in float32 on the CPU',
    ]);
  });
});

describe('comparisons, Where and Cast', () => {
  /** x, y quantized at `sx`, `sy`; c = Less(x, y or a constant); out = Where(c, x, y or a constant). */
  function selectGraph(sx: number, sy: number, yConstant?: number): Graph {
    const q = new Qat();
    const x = q.fq(q.input('x', [1000]), 'x_fq', 'qint8', sx);
    const y =
      yConstant === undefined ? q.fq(q.input('y', [1000]), 'y_fq', 'qint8', sy) : q.constant('k', f32([], [yConstant]));
    const c = q.op('Less', [x, y], {}, 'less');
    q.g.setOutputs([c, q.op('Where', [c, x, y], {}, 'where')]);
    return q.g;
  }
  /** Outputs as numbers, -0 as 0 (dequantized 0 codes are +0, fake quantization may give -0). */
  const run = (g: Graph, feeds: Record<string, Tensor>) =>
    Object.fromEntries(
      Object.entries(runGraph(g, feeds).outputs).map(([k, t]) => [
        k,
        { toNumbers: () => t.toNumbers().map((v) => v + 0) },
      ]),
    );

  it('activations of one scale compare and select on the integers, exactly as the float model', () => {
    const qat = selectGraph(0.05, 0.05);
    const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
    expect(warnings).toEqual([]);
    expect(graph.findNode('less')?.annotations.unit).toBe('vae');
    expect(graph.findNode('less')?.input(0).type.dtype).toBe('int8');
    expect(graph.findNode('where')?.input(1).type.dtype).toBe('int8');
    const feeds = randomFeeds(5, ['x', 'y'], [1000], 3);
    const [ref, got] = [run(qat, feeds), run(graph, feeds)];
    expect(got.less?.toNumbers()).toEqual(ref.less?.toNumbers());
    expect(got.where?.toNumbers()).toEqual(ref.where?.toNumbers());
  });

  it('a constant that is one of the codes (0) joins the integers; one that is not keeps them float, saying why', () => {
    const zero = selectGraph(0.05, 0, 0);
    const a = lowerToInteger(zero, toyPolicy, 'toy');
    expect(a.warnings).toEqual([]);
    expect(a.graph.findNode('where')?.input(2).type.dtype).toBe('int8');
    const feeds = randomFeeds(6, ['x'], [1000], 3);
    expect(run(a.graph, feeds).where?.toNumbers()).toEqual(run(zero, feeds).where?.toNumbers());
    expect(run(a.graph, feeds).less?.toNumbers()).toEqual(run(zero, feeds).less?.toNumbers());

    const inf = selectGraph(0.05, 0, Number.NEGATIVE_INFINITY);
    const b = lowerToInteger(inf, toyPolicy, 'toy');
    // Less against -inf runs dequantized on the CPU; Where stays float.
    expect(b.graph.findNode('less')?.annotations.unit).toBe('cpu');
    expect(b.warnings).toEqual([
      "where (Where): no integer kernel on toy (Y is a constant (-Infinity) that no int8 code at the selected activation's scale holds); runs in float32 on the CPU",
    ]);
    expect(run(b.graph, feeds).where?.toNumbers()).toEqual(run(inf, feeds).where?.toNumbers());
  });

  it('activations of different scales compare dequantized on the CPU, exactly', () => {
    const qat = selectGraph(0.05, 0.03);
    const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
    expect(graph.findNode('less')?.annotations.unit).toBe('cpu');
    expect(graph.findNode('less')?.input(0).type.dtype).toBe('float32');
    const feeds = randomFeeds(8, ['x', 'y'], [1000], 3);
    expect(run(graph, feeds).less?.toNumbers()).toEqual(run(qat, feeds).less?.toNumbers());
  });

  it('Cast to float32 of an activation is the activation; to int64 it dequantizes on the CPU', () => {
    const q = new Qat();
    const x = q.fq(q.input('x', [6]), 'x_fq', 'qint8', 0.5);
    const f = q.op('Cast', [x], { to: 'float32' }, 'tofloat');
    q.g.setOutputs([
      q.fq(q.op('Relu', [f], {}, 'relu'), 'out_fq', 'qint8', 0.5),
      q.op('Cast', [x], { to: 'int64' }, 'toint'),
    ]);
    const { graph, warnings } = lowerToInteger(q.g, toyPolicy, 'toy');
    expect(warnings).toEqual([]);
    expect(graph.findNode('tofloat')).toBeUndefined();
    expect(graph.findNode('relu')?.input(0).type.dtype).toBe('int8');
    expect(graph.findNode('toint')?.annotations.unit).toBe('cpu');
    const feeds = { x: f32([6], [-2.7, -0.2, 0, 0.74, 1.25, 9]) };
    expect(run(graph, feeds).toint?.toNumbers()).toEqual(run(q.g, feeds).toint?.toNumbers());
    expect(run(graph, feeds).out_fq?.toNumbers()).toEqual(run(q.g, feeds).out_fq?.toNumbers());
  });

  it('Mod of activations stays float, saying why', () => {
    const qat = qatUnary('Mod', 'qint8', 0.05, 0.05, 4, { fmod: 1 }, f32([], [0.5]));
    expect(lowerToInteger(qat, toyPolicy, 'toy').warnings).toEqual([
      'f (Mod): no integer kernel on toy (the BPU has no integer remainder); runs in float32 on the CPU',
    ]);
  });
});

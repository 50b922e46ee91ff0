import { type Attributes, Graph, type Node, Tensor, type Value } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { lowerToInteger } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

// Data movement on the integers: each op of the converted graph must give exactly what its
// fake-quant model gives (the same codes, moved), on every input code of the dtype.

type Dt = 'qint8' | 'qint16';

interface QatSpec {
  readonly op: string;
  readonly dtype: Dt;
  readonly scale: number;
  readonly shape: readonly number[];
  /** Inputs after the quantized data: constants or more fake-quantized inputs. */
  readonly extra?: (g: Graph, fq: (v: Value, name: string, s: number) => Value) => (Value | null)[];
  readonly attrs?: Attributes;
  readonly outputs?: number;
  /** A point after the op at this scale (as a following op's input would have). */
  readonly outScale?: number;
}

/** input -> FakeQuantize(dtype, scale) -> op [-> FakeQuantize] -> outputs, as prepare would leave it. */
function qat(spec: QatSpec): Graph {
  const g = new Graph('data_movement');
  const x = g.addInput('x', { dtype: 'float32', shape: [...spec.shape] });
  const fq = (v: Value, name: string, s: number) =>
    g
      .addNode({ op: 'FakeQuantize', name, inputs: [v], attrs: { dtype: spec.dtype, scales: [s], enabled: 1 } })
      .output();
  const a = fq(x, 'in_fq', spec.scale);
  const extra = spec.extra?.(g, fq) ?? [];
  const node = g.addNode({
    op: spec.op,
    name: 'f',
    inputs: [a, ...extra],
    attrs: spec.attrs ?? {},
    outputs: spec.outputs,
  });
  const [y, ...rest] = node.outputs as Value[];
  g.setOutputs([spec.outScale === undefined ? (y as Value) : fq(y as Value, 'out_fq', spec.outScale), ...rest]);
  return g;
}

/** Every integer code of the dtype, times the scale, laid out in `shape` (which holds them all). */
function allCodes(dtype: Dt, s: number, shape: readonly number[]): Tensor {
  const lo = dtype === 'qint8' ? -128 : -32768;
  const n = dtype === 'qint8' ? 256 : 65536;
  return Tensor.float32(
    [...shape],
    Array.from({ length: n }, (_, k) => (lo + k) * s),
  );
}

/** Converts `g` for the toy backend and runs both on every code: the outputs must be equal. */
function expectExact(g: Graph, feeds: Record<string, Tensor>): { graph: Graph; warnings: readonly string[] } {
  const converted = lowerToInteger(g, toyPolicy, 'toy');
  const ref = runGraph(g, feeds).outputs;
  const got = runGraph(converted.graph, feeds).outputs;
  for (const v of g.outputs) {
    const r = ref[v.name] as Tensor;
    const o = got[v.name] as Tensor;
    expect([o.dtype, ...o.shape], v.name).toEqual([r.dtype, ...r.shape]);
    // Equal values (+0 and -0 alike).
    expect(
      o.toNumbers().map((k) => k + 0),
      v.name,
    ).toEqual(r.toNumbers().map((k) => k + 0));
  }
  return converted;
}

/** The converted op `f`: the same core op, on the integers, on the vector unit. */
function expectOnIntegers(graph: Graph, op: string, dtype: 'int8' | 'int16'): Node {
  const f = graph.findNode('f') as Node;
  expect(f.qualifiedOp).toBe(op);
  expect(f.input(0).type.dtype).toBe(dtype);
  expect(f.output().type.dtype).toBe(dtype);
  expect(f.annotations).toEqual({ unit: 'vae' });
  return f;
}

const s8 = 0.05;
const s16 = 3 / 32767;
const c = (g: Graph, name: string, t: Tensor) => g.addConstant(name, t);
const i64 = (...v: number[]) => Tensor.int64([v.length], v);

describe('data movement runs on the integers with the input scale, bit-exact', () => {
  const cases: { name: string; spec: Omit<QatSpec, 'dtype' | 'scale'> }[] = [
    { name: 'Expand', spec: { op: 'Expand', shape: [1, 256], extra: (g) => [c(g, 'shape', i64(3, 1))] } },
    { name: 'Tile', spec: { op: 'Tile', shape: [16, 16], extra: (g) => [c(g, 'repeats', i64(2, 3))] } },
    { name: 'DepthToSpace DCR', spec: { op: 'DepthToSpace', shape: [1, 16, 4, 4], attrs: { blocksize: 2 } } },
    {
      name: 'DepthToSpace CRD',
      spec: { op: 'DepthToSpace', shape: [1, 16, 4, 4], attrs: { blocksize: 2, mode: 'CRD' } },
    },
    { name: 'SpaceToDepth', spec: { op: 'SpaceToDepth', shape: [1, 4, 8, 8], attrs: { blocksize: 4 } } },
    {
      name: 'GatherElements',
      spec: {
        op: 'GatherElements',
        shape: [16, 16],
        attrs: { axis: 1 },
        extra: (g) => [
          c(
            g,
            'indices',
            Tensor.int64(
              [16, 20],
              Array.from({ length: 320 }, (_, k) => ((k * 7) % 32) - 16),
            ),
          ),
        ],
      },
    },
    {
      name: 'Trilu upper k 2',
      spec: { op: 'Trilu', shape: [4, 8, 8], extra: (g) => [c(g, 'k', Tensor.int64([], [2]))] },
    },
    { name: 'Trilu lower', spec: { op: 'Trilu', shape: [16, 16], attrs: { upper: 0 } } },
    { name: 'Pad constant 0', spec: { op: 'Pad', shape: [16, 16], extra: (g) => [c(g, 'pads', i64(1, 2, 3, 0))] } },
    {
      name: 'Pad reflect, cropping',
      spec: { op: 'Pad', shape: [16, 16], attrs: { mode: 'reflect' }, extra: (g) => [c(g, 'pads', i64(3, -2, 0, 5))] },
    },
    {
      name: 'Pad edge',
      spec: { op: 'Pad', shape: [16, 16], attrs: { mode: 'edge' }, extra: (g) => [c(g, 'pads', i64(2, 2, 2, 2))] },
    },
  ];

  for (const dtype of ['qint8', 'qint16'] as const) {
    const scale = dtype === 'qint8' ? s8 : s16;
    const int = dtype === 'qint8' ? 'int8' : 'int16';
    for (const { name, spec } of cases) {
      it(`${dtype} ${name}`, () => {
        // int16 codes fill 256 times the elements: widen the first dim.
        const shape = dtype === 'qint8' ? spec.shape : [(spec.shape[0] as number) * 256, ...spec.shape.slice(1)];
        const resized =
          spec.op === 'Expand' && dtype === 'qint16' ? { ...spec, shape: [1, 65536] } : { ...spec, shape };
        const g = qat({ ...resized, dtype, scale });
        const { graph, warnings } = expectExact(g, { x: allCodes(dtype, scale, resized.shape) });
        expectOnIntegers(graph, spec.op, int);
        expect(warnings).toEqual([]);
      });
    }
  }
});

describe('Pad constant values', () => {
  const pads = (g: Graph) => c(g, 'pads', i64(0, 1, 0, 1));
  const value = (v: number) => (g: Graph) => [pads(g), c(g, 'value', Tensor.float32([], [v]))];

  it('a value on the grid (3 steps) pads with its code, exactly and without a warning', () => {
    const g = qat({ op: 'Pad', dtype: 'qint8', scale: s8, shape: [16, 16], extra: value(3 * s8) });
    const { graph, warnings } = expectExact(g, { x: allCodes('qint8', s8, [16, 16]) });
    const f = expectOnIntegers(graph, 'Pad', 'int8');
    expect(f.input(2).constant?.toNumbers()).toEqual([3]);
    expect(f.input(2).type.dtype).toBe('int8');
    expect(warnings).toEqual([]);
  });

  it('a value off the grid pads with the nearest code, says so, and is exact once a point at the scale follows', () => {
    const g = qat({ op: 'Pad', dtype: 'qint8', scale: s8, shape: [16, 16], extra: value(0.12), outScale: s8 });
    const { graph, warnings } = expectExact(g, { x: allCodes('qint8', s8, [16, 16]) });
    // 0.12 / 0.05 = 2.4 -> code 2, 0.1.
    expect(graph.findNode('f')?.input(2).constant?.toNumbers()).toEqual([2]);
    expect(warnings).toEqual([
      `f (Pad): constant_value ${Math.fround(0.12)} is not representable at the data's scale 0.05 (int8); pads with ${Math.fround(2 * 0.05)} (code 2)`,
    ]);
  });

  it('a value beyond the range saturates, which the warning shows', () => {
    const g = qat({ op: 'Pad', dtype: 'qint8', scale: s8, shape: [16, 16], extra: value(-100) });
    const { warnings } = lowerToInteger(g, toyPolicy, 'toy');
    expect(warnings).toEqual([
      `f (Pad): constant_value -100 is not representable at the data's scale 0.05 (int8); pads with ${Math.fround(-128 * 0.05)} (code -128)`,
    ]);
  });

  it('a computed value keeps the Pad in float, saying why', () => {
    const g = qat({
      op: 'Pad',
      dtype: 'qint8',
      scale: s8,
      shape: [4],
      extra: (g) => [c(g, 'pads', i64(1, 1)), g.addInput('v', { dtype: 'float32', shape: [] })],
    });
    const { graph, warnings } = lowerToInteger(g, toyPolicy, 'toy');
    expect(graph.findNode('f')?.annotations.fallback).toBe('float32 on the CPU');
    expect(warnings).toEqual([
      'f (Pad): no integer kernel on toy (its constant_value is computed, not a constant); runs in float32 on the CPU',
    ]);
  });
});

describe('ScatterND: data and updates at one scale', () => {
  const scatter = (reduction: string, updateScale: number) =>
    qat({
      op: 'ScatterND',
      dtype: 'qint8',
      scale: s8,
      shape: [16, 16],
      attrs: { reduction },
      extra: (g, fq) => [
        c(g, 'indices', Tensor.int64([3, 1], [2, 15, 7])),
        fq(g.addInput('u', { dtype: 'float32', shape: [3, 16] }), 'u_fq', updateScale),
      ],
    });
  // Updates on the grid of the data: codes -24 .. 23.
  const u = Tensor.float32(
    [3, 16],
    Array.from({ length: 48 }, (_, k) => (k - 24) * s8),
  );
  const x = allCodes('qint8', s8, [16, 16]);

  for (const reduction of ['none', 'max', 'min']) {
    it(`reduction ${reduction}: the codes move (or compare) exactly`, () => {
      const { graph, warnings } = expectExact(scatter(reduction, s8), { x, u });
      const f = expectOnIntegers(graph, 'ScatterND', 'int8');
      expect(f.input(2).type.dtype).toBe('int8');
      expect(warnings).toEqual([]);
    });
  }

  it('updates at another scale are rescaled to the data scale first, with a warning', () => {
    const { graph, warnings } = lowerToInteger(scatter('none', 2 * s8), toyPolicy, 'toy');
    expect(graph.findNode('f')?.input(2).producer?.qualifiedOp).toBe('qtk::Rescale');
    expect(warnings).toEqual(['f: input 2 has another scale than input 0 and is rescaled to it']);
    // Codes of 2 s8 become even codes of s8: still exact here.
    expectExact(scatter('none', 2 * s8), { x, u });
  });

  it('add and mul compute new values: they stay float, saying why', () => {
    for (const reduction of ['add', 'mul']) {
      const { graph, warnings } = lowerToInteger(scatter(reduction, s8), toyPolicy, 'toy');
      expect(graph.findNode('f')?.annotations.fallback).toBe('float32 on the CPU');
      expect(warnings).toEqual([
        `f (ScatterND): no integer kernel on toy (reduction '${reduction}' computes new values, not only moves them); runs in float32 on the CPU`,
      ]);
    }
  });
});

describe('Dropout', () => {
  const bool = (v: boolean) => new Tensor('bool', [], Uint8Array.of(v ? 1 : 0));
  const ratio = (g: Graph) => c(g, 'ratio', Tensor.float32([], [0.3]));

  it('in inference is an alias of its converted input (no node), its mask a constant of all true', () => {
    for (const extra of [() => [], (g: Graph) => [ratio(g)], (g: Graph) => [ratio(g), c(g, 't', bool(false))]]) {
      const g = qat({ op: 'Dropout', dtype: 'qint8', scale: s8, shape: [16, 16], extra, outputs: 2 });
      const { graph, warnings } = expectExact(g, { x: allCodes('qint8', s8, [16, 16]) });
      expect(graph.findNode('f')).toBeUndefined();
      expect(graph.nodes.map((n) => n.op)).toEqual(['Quantize', 'Dequantize']);
      expect(warnings).toEqual([]);
    }
  });

  it('training with ratio 0 is the identity too; training with a ratio draws a mask and stays float', () => {
    const zero = qat({
      op: 'Dropout',
      dtype: 'qint8',
      scale: s8,
      shape: [16, 16],
      extra: (g) => [c(g, 'ratio', Tensor.float32([], [0])), c(g, 't', bool(true))],
    });
    expect(expectExact(zero, { x: allCodes('qint8', s8, [16, 16]) }).graph.findNode('f')).toBeUndefined();
    const training = qat({
      op: 'Dropout',
      dtype: 'qint8',
      scale: s8,
      shape: [4],
      extra: (g) => [ratio(g), c(g, 't', bool(true))],
    });
    const { warnings } = lowerToInteger(training, toyPolicy, 'toy');
    expect(warnings).toEqual([
      'f (Dropout): no integer kernel on toy (in training mode it draws a random mask); runs in float32 on the CPU',
    ]);
    const fed = qat({
      op: 'Dropout',
      dtype: 'qint8',
      scale: s8,
      shape: [4],
      extra: (g) => [ratio(g), g.addInput('t', { dtype: 'bool', shape: [] })],
    });
    expect(lowerToInteger(fed, toyPolicy, 'toy').warnings).toEqual([
      'f (Dropout): no integer kernel on toy (its training_mode is fed at run time, and in training mode it draws a random mask); runs in float32 on the CPU',
    ]);
  });
});

import { type Attributes, Graph, manualSeed, type Node, QTK_DOMAIN, rand, Tensor, type Value } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { lowerToInteger } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

type Dt = 'qint8' | 'qint16';
const QMAX: Record<Dt, number> = { qint8: 127, qint16: 32767 };

function fq(g: Graph, v: Value, name: string, dtype: Dt, scale: number, rounding = 'half-to-even'): Value {
  const attrs = { dtype, scales: [scale], enabled: 1, rounding };
  return g.addNode({ op: 'FakeQuantize', name, inputs: [v], attrs }).output();
}

/** Uniform values over the whole code range of `dtype` at `scale` (a little beyond, so some saturate). */
function codes(shape: number[], dtype: Dt, scale: number): Tensor {
  const range = (QMAX[dtype] + 4) * scale;
  return Tensor.float32(
    shape,
    Array.from(rand(shape).data, (u) => (u * 2 - 1) * range),
  );
}

/** How far the integer model's output codes are from the fake-quant model's. */
function compareCodes(got: Tensor, ref: Tensor, sOut: number): { exact: number; within1: number; max: number } {
  let exact = 0;
  let within1 = 0;
  let max = 0;
  for (let i = 0; i < ref.size; i++) {
    const d = Math.abs(Math.round((got.data[i] as number) / sOut) - Math.round((ref.data[i] as number) / sOut));
    if (d === 0) exact++;
    if (d <= 1) within1++;
    max = Math.max(max, d);
  }
  return { exact: exact / ref.size, within1: within1 / ref.size, max };
}

/** input -> FakeQuantize -> Resize (constant scales or sizes) [-> FakeQuantize] -> output. */
function qatResize(
  shape: number[],
  dtype: Dt,
  sIn: number,
  sOut: number | null,
  attrs: Attributes,
  resize: { scales?: number[]; sizes?: number[] },
  rounding?: string,
): Graph {
  const g = new Graph('resize');
  const x = fq(g, g.addInput('x', { dtype: 'float32', shape }), 'in_fq', dtype, sIn);
  const scales = resize.scales && g.addConstant('scales', Tensor.float32([resize.scales.length], resize.scales));
  const sizes = resize.sizes && g.addConstant('sizes', Tensor.int64([resize.sizes.length], resize.sizes));
  const y = g
    .addNode({ op: 'Resize', name: 'resize', inputs: [x, null, scales ?? null, sizes ?? null], attrs })
    .output();
  g.setOutputs([sOut === null ? y : fq(g, y, 'out_fq', dtype, sOut, rounding)]);
  return g;
}

describe('nearest Resize: data movement on the integers', () => {
  it('runs as Resize on int8 with its scales copied as float coordinates, bit-exact with the fake-quant model', () => {
    manualSeed(1);
    const s = 0.05;
    const qat = qatResize(
      [1, 3, 5, 7],
      'qint8',
      s,
      null,
      { coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' },
      { scales: [1, 1, 1.5, 2] },
    );
    const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
    expect(warnings).toEqual([]);
    const r = graph.findNode('resize') as Node;
    expect(r.qualifiedOp).toBe('Resize');
    expect(r.input(0).type.dtype).toBe('int8');
    // roi and scales are coordinates: the same float constant, never quantized
    expect(r.inputs[2]?.constant?.dtype).toBe('float32');
    expect(r.inputs[2]?.constant?.toNumbers()).toEqual([1, 1, 1.5, 2]);
    expect(r.output().type.shape).toEqual([1, 3, 7, 14]);
    for (let k = 0; k < 5; k++) {
      const x = codes([1, 3, 5, 7], 'qint8', s);
      expect(runGraph(graph, { x }).outputs.resize?.toNumbers()).toEqual(
        runGraph(qat, { x }).outputs.resize?.toNumbers(),
      );
    }
  });

  it('writes a tf_crop_and_resize extrapolation_value as its code, and falls back when it is not one', () => {
    const s = 0.25;
    const roi = (g: Graph) => g.addConstant('roi', Tensor.float32([8], [0, 0, -0.5, -0.5, 1, 1, 1.5, 1.5]));
    const build = (value: number) => {
      const g = new Graph('crop');
      const x = fq(g, g.addInput('x', { dtype: 'float32', shape: [1, 1, 4, 4] }), 'in_fq', 'qint16', s);
      const sizes = g.addConstant('sizes', Tensor.int64([4], [1, 1, 6, 6]));
      const attrs = { coordinate_transformation_mode: 'tf_crop_and_resize', extrapolation_value: value };
      g.setOutputs([g.addNode({ op: 'Resize', name: 'resize', inputs: [x, roi(g), null, sizes], attrs }).output()]);
      return g;
    };
    const qat = build(-2);
    const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
    expect(graph.findNode('resize')?.attrs.extrapolation_value).toBe(-8);
    const x = codes([1, 1, 4, 4], 'qint16', s);
    expect(runGraph(graph, { x }).outputs.resize?.toNumbers()).toEqual(
      runGraph(qat, { x }).outputs.resize?.toNumbers(),
    );
    const { warnings } = lowerToInteger(build(0.1), toyPolicy, 'toy');
    expect(warnings).toEqual([
      "resize (Resize): no integer kernel on toy (extrapolation_value 0.1 is not a code of the input's scale 0.25); runs in float32 on the CPU",
    ]);
  });
});

describe('linear Resize: Q18 weights, int64 sum, one requantization', () => {
  const cases: [string, Dt, number, number, Attributes, { scales?: number[]; sizes?: number[] }][] = [
    ['int8 x2 half_pixel (F.interpolate bilinear)', 'qint8', 0.04, 0.035, { mode: 'linear' }, { scales: [1, 1, 2, 2] }],
    [
      'int8 x1.5 half_pixel, output scale larger',
      'qint8',
      0.04,
      0.05,
      { mode: 'linear' },
      { scales: [1, 1, 1.5, 1.5] },
    ],
    [
      'int8 x2 align_corners',
      'qint8',
      0.04,
      0.04,
      { mode: 'linear', coordinate_transformation_mode: 'align_corners' },
      { scales: [1, 1, 2, 2] },
    ],
    [
      'int8 x0.6 align_corners (shrinking)',
      'qint8',
      0.04,
      0.03,
      { mode: 'linear', coordinate_transformation_mode: 'align_corners' },
      { scales: [1, 1, 0.6, 0.6] },
    ],
    [
      'int8 to sizes 13 x 8 pytorch_half_pixel',
      'qint8',
      0.04,
      0.04,
      { mode: 'linear', coordinate_transformation_mode: 'pytorch_half_pixel' },
      { sizes: [2, 3, 13, 8] },
    ],
    ['int16 x2 half_pixel', 'qint16', 4 / 32767.5, 3.5 / 32767.5, { mode: 'linear' }, { scales: [1, 1, 2, 2] }],
    [
      'int16 x1.7 asymmetric',
      'qint16',
      4 / 32767.5,
      4 / 32767.5,
      { mode: 'linear', coordinate_transformation_mode: 'asymmetric' },
      { scales: [1, 1, 1.7, 1.3] },
    ],
  ];
  for (const [name, dtype, sIn, sOut, attrs, resize] of cases) {
    it(`${name}: within 1 LSB of the fake-quant model on every element of 40 random inputs (measured)`, () => {
      manualSeed(2);
      const shape = [2, 3, 9, 11];
      const qat = qatResize(shape, dtype, sIn, sOut, attrs, resize);
      const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
      expect(warnings).toEqual([]);
      expect(graph.findNode('resize')?.qualifiedOp).toBe(`${QTK_DOMAIN}::Resize`);
      let exact = 0;
      let worst = 0;
      for (let k = 0; k < 40; k++) {
        const x = codes(shape, dtype, sIn);
        const d = compareCodes(
          runGraph(graph, { x }).outputs.out_fq as Tensor,
          runGraph(qat, { x }).outputs.out_fq as Tensor,
          sOut,
        );
        expect(d.within1).toBe(1);
        exact += d.exact / 40;
        worst = Math.max(worst, d.max);
      }
      console.log(`Resize ${name}: ${(100 * exact).toFixed(2)}% exactly equal, max ${worst} LSB`);
    });
  }

  it('differs from the fake-quant model only at exact halves, which the float32 reference rounds either way', () => {
    manualSeed(2);
    const shape = [2, 3, 9, 11];
    for (const dtype of ['qint8', 'qint16'] as const) {
      const s = dtype === 'qint8' ? 0.04 : 4 / 32767.5;
      // Equal scales and weights 1/4, 3/4: the exact result is a multiple of 1/16 code.
      const qat = qatResize(shape, dtype, s, s, { mode: 'linear' }, { scales: [1, 1, 2, 2] });
      const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
      const exact = new Graph('exact');
      const q = exact.addInput('q', { dtype: 'float64', shape });
      const scales = exact.addConstant('scales', Tensor.float32([4], [1, 1, 2, 2]));
      exact.setOutputs([
        exact.addNode({ op: 'Resize', name: 'r', inputs: [q, null, scales], attrs: { mode: 'linear' } }).output(),
      ]);
      let differences = 0;
      for (let k = 0; k < 10; k++) {
        const codes = Array.from(rand(shape).data, (u) => Math.round((u * 2 - 1) * QMAX[dtype]));
        const x = Tensor.float32(
          shape,
          codes.map((c) => c * s),
        );
        const rational = runGraph(exact, { q: new Tensor('float64', shape, Float64Array.from(codes)) }).outputs
          .r as Tensor;
        const got = runGraph(graph, { x }).outputs.out_fq as Tensor;
        const ref = runGraph(qat, { x }).outputs.out_fq as Tensor;
        for (let i = 0; i < ref.size; i++) {
          const [a, b] = [Math.round((got.data[i] as number) / s), Math.round((ref.data[i] as number) / s)];
          if (a === b) continue;
          differences++;
          const r = rational.data[i] as number;
          expect(r - Math.floor(r)).toBe(0.5);
          expect(a).toBe(Math.floor(r) + 1);
        }
      }
      expect(differences).toBeGreaterThan(0);
    }
  });

  it('an output of the input shape is the input requantized (onnxruntime copies it)', () => {
    manualSeed(3);
    const qat = qatResize([1, 2, 4, 4], 'qint8', 0.05, 0.05, { mode: 'linear' }, { scales: [1, 1, 1.2, 1.2] });
    const { graph } = lowerToInteger(qat, toyPolicy, 'toy');
    const x = codes([1, 2, 4, 4], 'qint8', 0.05);
    expect(runGraph(graph, { x }).outputs.out_fq?.toNumbers()).toEqual(
      runGraph(qat, { x }).outputs.out_fq?.toNumbers(),
    );
  });

  it('falls back, saying why, for cubic mode, a resized channel axis, and computed sizes', () => {
    const why = (qat: Graph) => lowerToInteger(qat, toyPolicy, 'toy').warnings;
    expect(why(qatResize([1, 2, 4, 4], 'qint8', 0.05, 0.05, { mode: 'cubic' }, { scales: [1, 1, 2, 2] }))).toEqual([
      'resize (Resize): no integer kernel on toy (cubic Resize has no integer kernel: its 16 taps per output, with negative weights, would need a kernel of their own for an op real models rarely quantize); runs in float32 on the CPU',
    ]);
    expect(why(qatResize([1, 2, 4, 4], 'qint8', 0.05, 0.05, { mode: 'linear' }, { scales: [1, 2, 2, 2] }))[0]).toMatch(
      /it resizes an axis other than the last two/,
    );
    const g = new Graph('computed');
    const x = fq(g, g.addInput('x', { dtype: 'float32', shape: [1, 1, 4, 4] }), 'in_fq', 'qint8', 0.05);
    const sizes = g.addInput('sizes', { dtype: 'int64', shape: [4] });
    const y = g.addNode({ op: 'Resize', name: 'resize', inputs: [x, null, null, sizes], attrs: { mode: 'linear' } });
    g.setOutputs([fq(g, y.output(), 'out_fq', 'qint8', 0.05)]);
    expect(why(g)[0]).toMatch(/its input shape is not static|its scales or sizes are computed at run time/);
  });
});

/** input -> FakeQuantize(x), grid -> FakeQuantize(grid, int16) -> GridSample -> FakeQuantize -> output. */
function qatGridSample(dtype: Dt, sIn: number, sGrid: number, sOut: number, attrs: Attributes): Graph {
  const g = new Graph('grid_sample');
  const x = fq(g, g.addInput('x', { dtype: 'float32', shape: [2, 3, 7, 9] }), 'in_fq', dtype, sIn);
  const grid = fq(g, g.addInput('grid', { dtype: 'float32', shape: [2, 6, 8, 2] }), 'grid_fq', 'qint16', sGrid);
  const y = g.addNode({ op: 'GridSample', name: 'gs', inputs: [x, grid], attrs }).output();
  g.setOutputs([fq(g, y, 'out_fq', dtype, sOut)]);
  return g;
}

describe('bilinear GridSample: int16 grid, Q18 coordinates and weights', () => {
  for (const dtype of ['qint8', 'qint16'] as const) {
    for (const padding of ['zeros', 'border']) {
      for (const align of [0, 1]) {
        it(`${dtype} data, ${padding} padding, align_corners ${align}: within 1 LSB of the fake-quant model (measured)`, () => {
          manualSeed(4);
          const sIn = dtype === 'qint8' ? 0.04 : 4 / 32767.5;
          const sOut = sIn * 0.9;
          const sGrid = 1.25 / 32767.5;
          const qat = qatGridSample(dtype, sIn, sGrid, sOut, { padding_mode: padding, align_corners: align });
          const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
          expect(warnings).toEqual([]);
          expect(graph.findNode('gs')?.qualifiedOp).toBe(`${QTK_DOMAIN}::GridSample`);
          let exact = 0;
          let within1 = 0;
          let total = 0;
          let worst = 0;
          const runs = 40;
          for (let k = 0; k < runs; k++) {
            const x = codes([2, 3, 7, 9], dtype, sIn);
            // grid points in [-1.2, 1.2]: inside and up to a pixel or so outside
            const grid = Tensor.float32(
              [2, 6, 8, 2],
              Array.from(rand(2, 6, 8, 2).data, (u) => (u * 2 - 1) * 1.2),
            );
            const d = compareCodes(
              runGraph(graph, { x, grid }).outputs.out_fq as Tensor,
              runGraph(qat, { x, grid }).outputs.out_fq as Tensor,
              sOut,
            );
            const n = 2 * 3 * 6 * 8;
            exact += d.exact * n;
            within1 += d.within1 * n;
            total += n;
            worst = Math.max(worst, d.max);
          }
          console.log(
            `GridSample ${dtype} ${padding} align ${align}: ${((100 * exact) / total).toFixed(2)}% exactly equal, ${((100 * within1) / total).toFixed(3)}% within 1 LSB, max ${worst} LSB`,
          );
          expect(Math.round(within1)).toBe(total);
        });
      }
    }
  }

  it('nearest and bicubic modes and reflection padding stay in float, saying why', () => {
    const why = (attrs: Attributes) =>
      lowerToInteger(qatGridSample('qint8', 0.04, 1 / 32767.5, 0.04, attrs), toyPolicy, 'toy').warnings[0];
    expect(why({ mode: 'nearest' })).toBe(
      'gs (GridSample): no integer kernel on toy (nearest GridSample has no integer kernel (bilinear has): it runs in float32 on the CPU); runs in float32 on the CPU',
    );
    expect(why({ mode: 'bicubic' })).toMatch(/bicubic GridSample has no integer kernel/);
    expect(why({ padding_mode: 'reflection' })).toMatch(/reflection padding folds coordinates back/);
  });
});

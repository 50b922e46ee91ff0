import { type Attributes, Graph, roundHalfToEven, Tensor } from '@qtk/ir';

/** `clamp(round_half_to_even(v / s), qmin, qmax) * s`, written out here as the independent reference. */
export function fakeQuant(v: number, s: number, bits: 8 | 16): number {
  const qmax = bits === 8 ? 127 : 32767;
  return Math.min(Math.max(roundHalfToEven(Math.fround(v / s)), -qmax - 1), qmax) * s;
}

/** Powers of two, so every product and sum below is exact in float32 and the reference is exact. */
export const SCALES = { x: 2 ** -4, w: [2 ** -6, 2 ** -5, 2 ** -7, 2 ** -6, 2 ** -4], y: 2 ** -3 };

/** Weights [5, 4] and bias [5] that are exact multiples of their scales. */
export function linearParameters(): { w: Tensor<'float32'>; b: Tensor<'float32'> } {
  const w = Tensor.float32(
    [5, 4],
    Array.from({ length: 20 }, (_, i) => (((i * 37) % 255) - 127) * (SCALES.w[Math.floor(i / 4)] as number)),
  );
  const b = Tensor.float32([5], [0.5, -0.25, 0.125, 0, 1]);
  return { w, b };
}

/**
 * `x [batch..., 4] -> FakeQuantize (qint8 or qint16) -> Linear(W fake-quantized per output channel)
 * -> FakeQuantize`, the shape of a prepared model's layer, with scales set by hand.
 */
export function quantizedLinear(shape: number[], bits: 8 | 16 = 8, fq: Attributes = {}): Graph {
  const dtype = bits === 8 ? 'qint8' : 'qint16';
  const g = new Graph('qlinear');
  const x = g.addInput('x', { dtype: 'float32', shape });
  const { w, b } = linearParameters();
  const xq = g.addNode({
    op: 'FakeQuantize',
    name: 'quant.activation_post_process',
    inputs: [x],
    attrs: { dtype, scales: [SCALES.x], ...fq },
  });
  const wq = g.addNode({
    op: 'FakeQuantize',
    name: 'fc.weight_fake_quant',
    inputs: [g.addConstant('fc.weight', w)],
    attrs: { dtype: 'qint8', scales: SCALES.w, axis: 0 },
  });
  const fc = g.addNode({ op: 'Linear', name: 'fc', inputs: [xq.output(), wq.output(), g.addConstant('fc.bias', b)] });
  const yq = g.addNode({
    op: 'FakeQuantize',
    name: 'fc.activation_post_process',
    inputs: [fc.output()],
    attrs: { dtype, scales: [SCALES.y] },
    outputs: ['y'],
  });
  g.setOutputs([yq.output()]);
  return g;
}

/** What {@link quantizedLinear} computes, from the definitions, for an input `x`. */
export function quantizedLinearReference(x: Tensor<'float32'>, bits: 8 | 16 = 8): Tensor<'float32'> {
  const { w, b } = linearParameters();
  const rows = x.size / 4;
  const out = new Float32Array(rows * 5);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < 5; o++) {
      let sum = b.data[o] as number;
      for (let k = 0; k < 4; k++) {
        const xv = fakeQuant(x.data[r * 4 + k] as number, SCALES.x, bits);
        sum += xv * fakeQuant(w.data[o * 4 + k] as number, SCALES.w[o] as number, 8);
      }
      out[r * 5 + o] = fakeQuant(sum, SCALES.y, bits);
    }
  }
  return new Tensor('float32', [...x.shape.slice(0, -1), 5], out);
}

import { Graph, type Node, Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { lowerToInteger } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';

/** x -> FakeQuantize(sIn) -> Div(., FakeQuantize(c, sC)) -> FakeQuantize(sOut), as prepare leaves attention's q / sqrt(d). */
function qatDiv(c: number, sIn: number, sC: number, sOut: number, n: number): Graph {
  const g = new Graph('div');
  const x = g.addInput('x', { dtype: 'float32', shape: [n] });
  const fq = (v: Node['inputs'][number], name: string, s: number) =>
    g.addNode({ op: 'FakeQuantize', name, inputs: [v], attrs: { dtype: 'qint8', scales: [s], enabled: 1 } }).output();
  const divisor = fq(g.addConstant('d', Tensor.float32([], [c])), 'd_fq', sC);
  const y = g.addNode({ op: 'Div', name: 'scale', inputs: [fq(x, 'in_fq', sIn), divisor] }).output();
  g.setOutputs([fq(y, 'out_fq', sOut)]);
  return g;
}

/** Every int8 code of the input scale, as floats. */
const codes = (s: number) =>
  Tensor.float32(
    [256],
    Array.from({ length: 256 }, (_, k) => (k - 128) * s),
  );

describe('Div by a scalar constant', () => {
  it('is one Rescale, within 1 LSB of the fake-quant model on every input code', () => {
    const sIn = 4 / 127.5;
    const c = Math.sqrt(8); // attention's sqrt(d) for d = 8
    const qat = qatDiv(c, sIn, c / 127.5, 1.5 / 127.5, 256);
    const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy');
    expect(warnings).toEqual([]);
    expect(graph.findNode('scale')?.qualifiedOp).toBe('qtk::Rescale');
    const x = codes(sIn);
    const ref = runGraph(qat, { x }).outputs.out_fq as Tensor;
    const got = runGraph(graph, { x }).outputs.out_fq as Tensor;
    const sOut = 1.5 / 127.5;
    let equal = 0;
    for (let i = 0; i < 256; i++) {
      const d = Math.abs(Math.round((got.data[i] as number) / sOut) - Math.round((ref.data[i] as number) / sOut));
      expect(d, `code ${i - 128}`).toBeLessThanOrEqual(1);
      if (d === 0) equal++;
    }
    expect(equal).toBeGreaterThan(250);
  });

  it('by a negative constant falls back to the CPU and says why', () => {
    const qat = qatDiv(-2, 4 / 127.5, 2 / 127.5, 2 / 127.5, 4);
    const { warnings } = lowerToInteger(qat, toyPolicy, 'toy');
    // -2 at scale 2 / 127.5 is code -128 (half to even), i.e. -2.00784 as the QAT model divides by it.
    expect(warnings).toEqual([
      'scale (Div): no integer kernel on toy (its divisor -2.00784 is not a positive finite number); runs in float32 on the CPU',
    ]);
  });
});

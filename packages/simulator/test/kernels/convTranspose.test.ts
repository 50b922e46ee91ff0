import { Graph, Tensor } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runGraph } from '../../src/index.js';
import { convTransposeOutputSizes } from '../support/convTransposeOutputSizes.js';
import { runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const f64 = (shape: number[], values: number[]) => new Tensor('float64', shape, Float64Array.from(values));
const c = (t: Tensor) => ({ constant: t });

describe('ConvTranspose', () => {
  // x = [1, 2, 3], W = [1, 10]: every input value stamps the kernel at its position.
  const x = f32([1, 1, 3], [1, 2, 3]);
  const w = c(f32([1, 1, 2], [1, 10]));

  it('stamps the kernel at each input position and adds the overlaps', () => {
    // [1, 10] at 0, [2, 20] at 1, [3, 30] at 2: [1, 2 + 10, 3 + 20, 30]
    expect(runOp1('ConvTranspose', [x, w]).toNumbers()).toEqual([1, 12, 23, 30]);
  });

  it('strides, crops with pads, extends with output_padding, adds the bias', () => {
    // stride 2: stamps at 0, 2, 4 do not overlap
    expect(runOp1('ConvTranspose', [x, w], { strides: [2] }).toNumbers()).toEqual([1, 10, 2, 20, 3, 30]);
    // pads [1, 1] crop one position at each end
    expect(runOp1('ConvTranspose', [x, w], { strides: [2], pads: [1, 1] }).toNumbers()).toEqual([10, 2, 20, 3]);
    // output_padding 1 adds a position at the end that only the bias reaches
    expect(
      runOp1('ConvTranspose', [x, w, c(f32([1], [5]))], { strides: [2], output_padding: [1] }).toNumbers(),
    ).toEqual([6, 15, 7, 25, 8, 35, 5]);
  });

  it('dilates the kernel', () => {
    // taps at i and i + 2: [1, 2, 3 + 10, 20, 30]
    expect(runOp1('ConvTranspose', [x, w], { dilations: [2] }).toNumbers()).toEqual([1, 2, 13, 20, 30]);
  });

  it('sums input channels into each output channel, or keeps groups apart', () => {
    // x = [2, 3] (two 1-long channels), W [2, 1, 1] = [4, 5]
    const two = f32([1, 2, 1], [2, 3]);
    const w2 = c(f32([2, 1, 1], [4, 5]));
    expect(runOp1('ConvTranspose', [two, w2]).toNumbers()).toEqual([2 * 4 + 3 * 5]);
    expect(runOp1('ConvTranspose', [two, w2], { group: 2 }).toNumbers()).toEqual([8, 15]);
    // W [2, 2, 1] with group 2: four output channels, [x0 * w00, x0 * w01, x1 * w10, x1 * w11]
    const y = runOp1('ConvTranspose', [two, c(f32([2, 2, 1], [1, -1, 10, 100])), c(f32([4], [0, 0, 0, 1]))], {
      group: 2,
    });
    expect(y.shape).toEqual([1, 4, 1]);
    expect(y.toNumbers()).toEqual([2, -2, 30, 301]);
  });

  it('upsamples 2-D: a 2x2 kernel of ones at stride 2 repeats each pixel into a 2x2 block', () => {
    const y = runOp1('ConvTranspose', [f32([1, 1, 2, 2], [1, 2, 3, 4]), c(f32([1, 1, 2, 2], [1, 1, 1, 1]))], {
      strides: [2, 2],
    });
    expect(y.shape).toEqual([1, 1, 4, 4]);
    expect(y.toNumbers()).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });

  it('runs 3-D, and float64', () => {
    // x [1, 1, 1, 1, 2] = [1, 2], W [1, 1, 2, 1, 1] = [1, -1]: depth 0 gets x, depth 1 gets -x
    const y = runOp1('ConvTranspose', [f64([1, 1, 1, 1, 2], [1, 2]), c(f64([1, 1, 2, 1, 1], [1, -1]))]);
    expect(y.dtype).toBe('float64');
    expect(y.shape).toEqual([1, 1, 2, 1, 2]);
    expect(y.toNumbers()).toEqual([1, 2, -1, -2]);
  });

  it('is the adjoint of Conv: <Conv(y), x> = <y, ConvTranspose(x)> for the same W and geometry (property)', () => {
    // An independent check: Conv's kernel (im2col) against the scatter of ConvTranspose. With
    // output_padding < stride, Conv maps ConvTranspose's output shape back to its input shape.
    const rng = (seed: number) => {
      let s = seed;
      return () => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return Math.round((s / 2147483648) * 8 - 4);
      };
    };
    fc.assert(
      fc.property(
        fc.record({
          rank: fc.constantFrom(1, 2),
          group: fc.constantFrom(1, 2),
          cg: fc.integer({ min: 1, max: 3 }),
          og: fc.integer({ min: 1, max: 3 }),
          size: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
          kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
          stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
          dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
          pads: fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 2 }),
          ),
          outputPadding: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
          seed: fc.integer({ min: 1, max: 100000 }),
        }),
        (p) => {
          const r = p.rank;
          const pick = <T>(v: readonly T[]) => v.slice(0, r);
          const strides = pick(p.stride);
          const outputPadding = pick(p.outputPadding).map((v, i) => v % (strides[i] as number));
          const kernel = pick(p.kernel);
          const dilations = pick(p.dilation);
          const pads = [...pick(p.pads.slice(0, 2)), ...pick(p.pads.slice(2))];
          const size = pick(p.size);
          const out = convTransposeOutputSizes(size, kernel, { strides, pads, dilations, outputPadding });
          fc.pre(out.every((d) => d >= 1));
          const next = rng(p.seed);
          const cin = p.cg * p.group;
          const cout = p.og * p.group;
          const random = (shape: number[]) =>
            f64(
              shape,
              Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => next()),
            );
          const wt = random([cin, p.og, ...kernel]);
          const xt = random([1, cin, ...size]);
          const yt = random([1, cout, ...out]);
          const geometry = { strides, pads, dilations, group: p.group };
          const up = runOp1('ConvTranspose', [xt, c(wt)], { ...geometry, output_padding: outputPadding });
          const down = runOp1('Conv', [yt, c(wt)], geometry);
          expect(up.shape).toEqual([1, cout, ...out]);
          expect(down.shape).toEqual([1, cin, ...size]);
          const dot = (a: Tensor, b: Tensor) => {
            const bv = b.toNumbers();
            return a.toNumbers().reduce((s, v, i) => s + v * (bv[i] as number), 0);
          };
          // small integers: both sums are exact
          expect(dot(up, yt)).toBe(dot(down, xt));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names what does not fit at run time', () => {
    const g = new Graph();
    const xs = g.addInput('x', { dtype: 'float32', shape: [1, 'C', 1, 1] });
    const ws = g.addConstant('w', f32([2, 1, 1, 1], [1, 1]));
    g.setOutputs([g.addNode({ op: 'ConvTranspose', name: 'up', inputs: [xs, ws] }).output()]);
    expect(() => runGraph(g, { x: f32([1, 3, 1, 1], [1, 2, 3]) })).toThrow(
      "node 'up' (ConvTranspose): input [1,3,1,1] has 3 channels, weight [2,1,1,1] with group 1 expects 2 (a multiple of the group)",
    );
  });
});

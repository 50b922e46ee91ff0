import { type AttributeValue, quantizeMultiplier, Tensor } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convTransposeOutputSizes } from '../support/convTransposeOutputSizes.js';
import { type IntegerOperand, int8, int16, int32, runIntegerOp } from '../support/integerOp.js';

const runOne = (inputs: IntegerOperand[], attrs: Record<string, AttributeValue>) =>
  runIntegerOp('ConvTranspose', inputs, attrs);

/**
 * The definition, gathered per output element in BigInt: y[n, o, q] = B[o] + the sum over the
 * input channels c of o's group and kernel taps k with q = i s + k d - p of x[n, c, i] W[c, o mod
 * og, k]. Independent of the kernel's GEMM + scatter.
 */
function reference(
  x: Tensor,
  w: Tensor,
  b: Tensor | undefined,
  g: { strides: number[]; pads: number[]; dilations: number[]; outputPadding: number[]; group: number },
): { shape: number[]; values: bigint[] } {
  const rank = x.rank - 2;
  const [batch, cin] = x.shape as [number, number];
  const og = w.shape[1] as number;
  const cg = cin / g.group;
  const cout = og * g.group;
  const inSp = x.shape.slice(2);
  const k = w.shape.slice(2);
  const outSp = convTransposeOutputSizes(inSp, k, g);
  const count = (shape: readonly number[]) => shape.reduce((a, v) => a * v, 1);
  const unravel = (flat: number, shape: readonly number[]) => {
    const idx = new Array<number>(shape.length);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % (shape[d] as number);
      flat = Math.floor(flat / (shape[d] as number));
    }
    return idx;
  };
  const values: bigint[] = [];
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < cout; o++) {
      const grp = Math.floor(o / og);
      for (let q = 0; q < count(outSp); q++) {
        const out = unravel(q, outSp);
        let sum = b ? BigInt(b.data[o] as number) : 0n;
        for (let c = grp * cg; c < (grp + 1) * cg; c++) {
          for (let kk = 0; kk < count(k); kk++) {
            const tap = unravel(kk, k);
            // input position i with out = i s + tap d - p, if whole and inside
            const pos: number[] = [];
            let inside = true;
            for (let d = 0; d < rank && inside; d++) {
              const num = (out[d] as number) + (g.pads[d] as number) - (tap[d] as number) * (g.dilations[d] as number);
              const s = g.strides[d] as number;
              if (num < 0 || num % s !== 0 || num / s >= (inSp[d] as number)) inside = false;
              else pos.push(num / s);
            }
            if (!inside) continue;
            let xi = n * cin + c;
            for (let d = 0; d < rank; d++) xi = xi * (inSp[d] as number) + (pos[d] as number);
            const wi = (c * og + (o % og)) * count(k) + kk;
            sum += BigInt(x.data[xi] as number) * BigInt(w.data[wi] as number);
          }
        }
        values.push(sum);
      }
    }
  }
  return { shape: [batch, cout, ...outSp], values };
}

describe('qtk::ConvTranspose', () => {
  it('scatters each input through the kernel and adds the int32 bias (hand-computed)', () => {
    // x = [1, 2, 3], W = [1, -1], B = 5, stride 2: [1, -1, 2, -2, 3, -3] + 5
    const y = runOne(
      [int8([1, 1, 3], [1, 2, 3]), { constant: int8([1, 1, 2], [1, -1]) }, { constant: int32([1], [5]) }],
      {
        strides: [2],
        out_dtype: 'int32',
      },
    ).y;
    expect(y.dtype).toBe('int32');
    expect(y.toNumbers()).toEqual([6, 4, 7, 3, 8, 2]);
  });

  it('gives the exact int32 sums of the definition for int8 and int16, 1-D to 3-D, groups (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          rank: fc.constantFrom(1, 2, 3),
          dtype: fc.constantFrom('int8', 'int16'),
          group: fc.constantFrom(1, 2),
          cg: fc.integer({ min: 1, max: 3 }),
          og: fc.integer({ min: 1, max: 3 }),
          size: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
          kernel: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
          stride: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
          dilation: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 3 }),
          pads: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
          outputPadding: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
          bias: fc.boolean(),
          seed: fc.integer({ min: 0, max: 2 ** 30 }),
        }),
        (p) => {
          const r = p.rank;
          const geometry = {
            strides: p.stride.slice(0, r),
            pads: [...p.pads.slice(0, r), ...p.pads.slice(3, 3 + r)],
            dilations: p.dilation.slice(0, r),
            outputPadding: p.outputPadding.slice(0, r),
            group: p.group,
          };
          const size = p.size.slice(0, r);
          const kernel = p.kernel.slice(0, r);
          const out = convTransposeOutputSizes(size, kernel, geometry);
          fc.pre(out.every((d) => d >= 1));
          let s = p.seed;
          const next = (lo: number, hi: number) => {
            s = (s * 1103515245 + 12345) % 2147483648;
            return lo + Math.floor((s / 2147483648) * (hi - lo + 1));
          };
          const [lo, hi] = p.dtype === 'int8' ? [-128, 127] : [-32768, 32767];
          const make = (shape: number[]) => {
            const n = shape.reduce((a, v) => a * v, 1);
            const v = Array.from({ length: n }, () => next(lo, hi));
            return p.dtype === 'int8' ? int8(shape, v) : int16(shape, v);
          };
          const cin = p.cg * p.group;
          const x = make([2, cin, ...size]);
          const w = make([cin, p.og, ...kernel]);
          const b = p.bias
            ? int32(
                [p.og * p.group],
                Array.from({ length: p.og * p.group }, () => next(-(2 ** 20), 2 ** 20)),
              )
            : undefined;
          const { y, events } = runOne([x, { constant: w }, ...(b ? [{ constant: b }] : [])], {
            strides: geometry.strides,
            pads: geometry.pads,
            dilations: geometry.dilations,
            output_padding: geometry.outputPadding,
            group: p.group,
            out_dtype: 'int32',
          });
          const ref = reference(x, w, b, geometry);
          expect(y.shape).toEqual(ref.shape);
          // int16 sums may leave int32: they saturate and are counted
          const max = 2n ** 31n - 1n;
          const min = -(2n ** 31n);
          const overflows = ref.values.filter((v) => v > max || v < min).length;
          expect(events).toEqual(overflows > 0 ? { overflow: overflows } : {});
          expect(y.toNumbers()).toEqual(ref.values.map((v) => Number(v > max ? max : v < min ? min : v)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('requantizes per output channel (C_out = W[1] x group multipliers) with a fused ReLU as the clamp', () => {
    // x = [2, 3] in two groups, W [2, 2, 1]: channels x0 [1, -1], x1 [10, 100] -> acc [2, -2, 30, 300]
    const x = int8([1, 2, 1], [2, 3]);
    const w = { constant: int8([2, 2, 1], [1, -1, 10, 100]) };
    const half = quantizeMultiplier(0.5);
    const one = quantizeMultiplier(1);
    const quarter = quantizeMultiplier(0.25);
    const y = runOne([x, w], {
      group: 2,
      out_dtype: 'int8',
      multipliers: [one.multiplier, one.multiplier, half.multiplier, quarter.multiplier],
      shifts: [one.shift, one.shift, half.shift, quarter.shift],
      clamp_min: 0,
    });
    // [2, -2 -> ReLU 0, 15, 75]
    expect(y.y.toNumbers()).toEqual([2, 0, 15, 75]);
    expect(y.events).toEqual({});
    const saturating = runOne([x, w], {
      group: 2,
      out_dtype: 'int8',
      multipliers: [one.multiplier],
      shifts: [one.shift],
    });
    // 300 does not fit int8: saturates at 127 and is counted
    expect(saturating.y.toNumbers()).toEqual([2, -2, 30, 127]);
    expect(saturating.events).toEqual({ saturated: 1 });
  });

  it('writes float32 at s_x s_w[c] per channel (nash-h)', () => {
    const y = runOne([int8([1, 2, 1], [2, 3]), { constant: int8([2, 2, 1], [1, -1, 10, 100]) }], {
      group: 2,
      out_dtype: 'float32',
      out_scales: [0.5, 0.5, 0.25, 0.125],
    }).y;
    expect(y.dtype).toBe('float32');
    expect(y.toNumbers()).toEqual([1, -1, 7.5, 37.5]);
  });

  it('counts accumulator overflows and saturates, or wraps, as the policy says', () => {
    // four int16 products of 32767^2 land on one output (stride 1, kernel 1, four input channels)
    const x = int16([1, 4, 1], [32767, 32767, 32767, 32767]);
    const w = { constant: int16([4, 1, 1], [32767, 32767, 32767, 32767]) };
    const sat = runOne([x, w], { out_dtype: 'int32' });
    expect(sat.y.toNumbers()).toEqual([2147483647]);
    expect(sat.events).toEqual({ overflow: 1 });
    const wrap = runOne([x, w], { out_dtype: 'int32', overflow: 'wrap' });
    expect(wrap.y.toNumbers()).toEqual([(4 * 32767 * 32767) | 0]);
  });

  it('refuses float operands and a wrong number of output-stage entries', () => {
    expect(() =>
      runOne([Tensor.float32([1, 1, 1], [1]), { constant: int8([1, 1, 1], [1]) }], { out_dtype: 'int32' }),
    ).toThrow(/input must be int8 or int16, got float32/);
    expect(() =>
      runOne([int8([1, 2, 1], [1, 1]), { constant: int8([2, 2, 1], [1, 1, 1, 1]) }], {
        group: 2,
        out_dtype: 'float32',
        out_scales: [1, 1, 1],
      }),
    ).toThrow(/out_scales has 3 entries for 4 channels/);
  });
});

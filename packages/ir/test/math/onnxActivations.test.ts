import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elu, hardSigmoid, hardSwish, leakyRelu, selu, softplus } from '../../src/index.js';

describe('the scalar activations kernels and lookup tables share', () => {
  it('HardSigmoid and HardSwish: the clamp and its kinks', () => {
    expect(hardSigmoid(-10, 0.2, 0.5)).toBe(0);
    expect(hardSigmoid(1, 0.2, 0.5)).toBeCloseTo(0.7, 15);
    expect(hardSigmoid(2.5, 0.2, 0.5)).toBe(1);
    // x (x/6 + 1/2): 0 at and below -3, x at and above 3, x (x + 3) / 6 between
    expect(hardSwish(-3)).toBe(-0);
    expect(hardSwish(-4)).toBe(-0);
    expect(hardSwish(3)).toBe(3);
    expect(hardSwish(7)).toBe(7);
    expect(hardSwish(1)).toBeCloseTo(4 / 6, 15);
    expect(hardSwish(-1)).toBeCloseTo(-2 / 6, 15);
  });

  it('LeakyRelu, Elu, Selu below and above 0', () => {
    expect(leakyRelu(-2, 0.1)).toBeCloseTo(-0.2, 15);
    expect(leakyRelu(2, 0.1)).toBe(2);
    expect(elu(-1, 2)).toBeCloseTo(2 * (Math.exp(-1) - 1), 15);
    expect(elu(1.5, 2)).toBe(1.5);
    // e^x - 1 = x + x^2/2 + ... without cancellation near 0: -1e-10 + 5e-21
    expect(elu(-1e-10, 1)).toBeCloseTo(-9.9999999995e-11, 24);
    expect(selu(2, 1.5, 3)).toBe(6);
    expect(selu(0, 1.5, 3)).toBe(0);
    expect(selu(-1, 1.5, 3)).toBeCloseTo(3 * 1.5 * (Math.exp(-1) - 1), 15);
  });

  it('Softplus is log(1 + e^x) without overflow or underflow', () => {
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
    expect(softplus(-50)).toBeCloseTo(Math.exp(-50), 35);
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(softplus(x)).toBeCloseTo(Math.log(1 + Math.exp(x)), 12);
      }),
    );
  });
});

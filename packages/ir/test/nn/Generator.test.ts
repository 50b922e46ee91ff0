import { describe, expect, it } from 'vitest';
import { Generator, randn } from '../../src/index.js';
import { MersenneTwister } from '../../src/nn/random/MersenneTwister.js';

describe('MersenneTwister', () => {
  it('gives std::mt19937 outputs for its default seed 5489 (published reference values)', () => {
    const mt = new MersenneTwister(5489);
    expect([mt.nextUint32(), mt.nextUint32(), mt.nextUint32()]).toEqual([3499211612, 581869302, 3890346734]);
  });

  it('gives the 10000th output of std::mt19937 the C++ standard requires (4123659995)', () => {
    const mt = new MersenneTwister(5489);
    let v = 0;
    for (let i = 0; i < 10000; i++) v = mt.nextUint32();
    expect(v).toBe(4123659995);
  });

  it('seeds with 42 as PyTorch manual_seed(42) does (first words from NumPy MT19937 legacy seeding)', () => {
    const mt = new MersenneTwister(42);
    expect([mt.nextUint32(), mt.nextUint32(), mt.nextUint32()]).toEqual([1608637542, 3421126067, 4083286876]);
  });
});

describe('randn', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = randn([20], { generator: new Generator(1) });
    const b = randn([20], { generator: new Generator(1) });
    const c = randn([20], { generator: new Generator(2) });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(a.data)).not.toEqual(Array.from(c.data));
  });

  it('has roughly standard normal statistics for small and large tensors', () => {
    const g = new Generator(7);
    const values: number[] = [];
    for (let i = 0; i < 2000; i++) values.push(...randn([5], { generator: g }).data);
    values.push(...randn([10000], { generator: g }).data);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('redraws the last 16 values when the size is not a multiple of 16, as PyTorch does', () => {
    const g1 = new Generator(3);
    const t = randn([17], { generator: g1 });
    // 17 uniforms, then 16 more for the tail: the generator advanced by 33 words.
    const g2 = new Generator(3);
    for (let i = 0; i < 33; i++) g2.random();
    expect(g1.random()).toBe(g2.random());
    expect(t.size).toBe(17);
  });
});

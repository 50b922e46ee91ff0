import { MersenneTwister } from './MersenneTwister.js';

const TWO_PI = 2 * Math.PI;

/**
 * A seeded random number generator that reproduces PyTorch's CPU generator: `manualSeed(s)` then
 * the same sequence of `randn`/`rand`/`uniform_` calls gives PyTorch's numbers (exactly for uniform
 * draws; to a few float32 ulps for normal draws, where PyTorch's vectorized log/sin/cos round
 * differently from JavaScript's).
 */
export class Generator {
  #engine: MersenneTwister;
  #seed: number;
  /** PyTorch caches the second Box-Muller sample of a scalar normal draw. */
  #nextNormal: number | undefined;

  constructor(seed = 67280421310721) {
    this.#seed = seed;
    this.#engine = new MersenneTwister(Number(BigInt.asUintN(32, BigInt(Math.trunc(seed)))));
    this.#nextNormal = undefined;
  }

  /** Reseeds, as `torch.manual_seed` does. */
  manualSeed(seed: number): this {
    this.#seed = seed;
    this.#engine = new MersenneTwister(Number(BigInt.asUintN(32, BigInt(Math.trunc(seed)))));
    this.#nextNormal = undefined;
    return this;
  }

  /** The seed last set. */
  initialSeed(): number {
    return this.#seed;
  }

  /** The next raw 32-bit word. */
  random(): number {
    return this.#engine.nextUint32();
  }

  /**
   * A float32 draw from U[from, to), as PyTorch's `uniform_` on a float tensor: 24 random bits,
   * bounds rounded to float32, arithmetic in double, result rounded to float32.
   */
  uniformFloat32(from: number, to: number): number {
    const lo = Math.fround(from);
    const span = Math.fround(Math.fround(to) - lo);
    const x = (this.random() & 0xffffff) * 2 ** -24;
    return Math.fround(x * span + lo);
  }

  /** A double draw from U[0, 1) with 53 random bits, as PyTorch's `uniform_real_distribution<double>`. */
  uniformFloat64(): number {
    const hi = this.random();
    const lo = this.random();
    const bits = (BigInt(hi) << 32n) | BigInt(lo);
    return Number(bits & ((1n << 53n) - 1n)) * 2 ** -53;
  }

  /** One standard normal draw in double, PyTorch's scalar Box-Muller path (with its cache). */
  normalFloat64(): number {
    if (this.#nextNormal !== undefined) {
      const v = this.#nextNormal;
      this.#nextNormal = undefined;
      return v;
    }
    const u1 = this.uniformFloat64();
    const u2 = this.uniformFloat64();
    const r = Math.sqrt(-2 * Math.log(1 - u2));
    const theta = TWO_PI * u1;
    this.#nextNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /**
   * Fills `out` with standard normal float32 draws as PyTorch fills a contiguous float tensor:
   * tensors of 16 or more elements draw all uniforms first and transform them 16 at a time (the
   * last 16 redrawn when the size is not a multiple of 16); smaller ones draw one by one.
   */
  fillNormalFloat32(out: Float32Array, mean = 0, std = 1): void {
    const n = out.length;
    if (n < 16) {
      for (let i = 0; i < n; i++) out[i] = Math.fround(this.normalFloat64() * std + mean);
      return;
    }
    for (let i = 0; i < n; i++) out[i] = this.uniformFloat32(0, 1);
    for (let i = 0; i + 16 <= n; i += 16) boxMuller16(out, i, mean, std);
    if (n % 16 !== 0) {
      const start = n - 16;
      for (let i = start; i < n; i++) out[i] = this.uniformFloat32(0, 1);
      boxMuller16(out, start, mean, std);
    }
  }
}

function boxMuller16(data: Float32Array, at: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = Math.fround(1 - (data[at + j] as number));
    const u2 = data[at + j + 8] as number;
    const radius = Math.sqrt(-2 * Math.log(u1));
    const theta = TWO_PI * u2;
    data[at + j] = Math.fround(radius * Math.cos(theta) * std + mean);
    data[at + j + 8] = Math.fround(radius * Math.sin(theta) * std + mean);
  }
}

/** The generator `randn`, `rand` and layer initialization use unless given another. */
export const defaultGenerator: Generator = new Generator();

/** Seeds the default generator, as `torch.manual_seed`. */
export function manualSeed(seed: number): Generator {
  return defaultGenerator.manualSeed(seed);
}

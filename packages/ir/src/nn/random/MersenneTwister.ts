const N = 624;
const M = 397;

/**
 * MT19937, the 32-bit Mersenne Twister, seeded as `std::mt19937` and PyTorch's CPU generator seed it
 * (`init_genrand`), so the same seed gives the same stream of 32-bit words.
 */
export class MersenneTwister {
  readonly #state = new Uint32Array(N);
  #index = N;

  constructor(seed: number) {
    const s = this.#state;
    s[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = (s[i - 1] as number) ^ ((s[i - 1] as number) >>> 30);
      // 1812433253 * prev + i, modulo 2^32, without losing bits to float multiplication.
      s[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  /** The next 32-bit word, as an unsigned number. */
  nextUint32(): number {
    if (this.#index >= N) this.#twist();
    let y = this.#state[this.#index++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  #twist(): void {
    const s = this.#state;
    for (let i = 0; i < N; i++) {
      const y = ((s[i] as number) & 0x80000000) | ((s[(i + 1) % N] as number) & 0x7fffffff);
      let v = (s[(i + M) % N] as number) ^ (y >>> 1);
      if (y & 1) v ^= 0x9908b0df;
      s[i] = v >>> 0;
    }
    this.#index = 0;
  }
}

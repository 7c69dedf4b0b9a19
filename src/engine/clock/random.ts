/**
 * Seeded pseudo-random source (sfc32, seeded through splitmix32). Integer-only API so results do
 * not depend on floating-point details. `fork(stream)` gives an independent stream per consumer,
 * so a new draw in one component never shifts the names another component generates.
 */
export interface Random {
  uint32(): number;
  /** Uniform integer in [0, bound). */
  intBelow(bound: number): number;
  /** True with probability numerator/denominator. */
  chance(numerator: number, denominator: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: T[]): void;
  fork(stream: string): Random;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over UTF-16 code units; used to derive stream seeds from names. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(private readonly seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t >>> 0;
  }

  intBelow(bound: number): number {
    if (!Number.isInteger(bound) || bound <= 0) throw new RangeError(`intBelow: bad bound ${bound}`);
    // Rejection sampling keeps the distribution exactly uniform.
    const limit = Math.floor(0x100000000 / bound) * bound;
    for (;;) {
      const x = this.uint32();
      if (x < limit) return x % bound;
    }
  }

  chance(numerator: number, denominator: number): boolean {
    return this.intBelow(denominator) < numerator;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.intBelow(items.length)] as T;
  }

  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.intBelow(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
  }

  fork(stream: string): Random {
    return new Sfc32(hashString(stream, this.seed ^ 0x5bd1e995));
  }
}

export function createRandom(seed: number): Random {
  return new Sfc32(seed >>> 0);
}

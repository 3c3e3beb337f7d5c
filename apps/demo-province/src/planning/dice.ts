import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/** FNV-1a over the seed's UTF-16 units: any seed text becomes the 32-bit integer pure-rand starts from. */
function seedNumber(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

/**
 * Every random choice of the plan, drawn from one seeded xoroshiro128+ stream (pure-rand): the same seed gives the
 * same draws on every machine and Node version, which `Math.random` never promises.
 */
export class Dice {
  private readonly generator: RandomGenerator;

  constructor(seed: string) {
    this.generator = xoroshiro128plus(seedNumber(seed));
  }

  /** A whole number from `from` to `to`, both included. */
  int(from: number, to: number): number {
    return unsafeUniformIntDistribution(from, to, this.generator);
  }

  /** True with probability `p` (to 1 in 10,000). */
  chance(p: number): boolean {
    return this.int(0, 9_999) < Math.round(p * 10_000);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from nothing');
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.int(1, total);
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll <= 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(this.int(0, pool.length - 1), 1)[0]);
    return chosen;
  }

  /** A date `YYYY-MM-DD` from `from` to `to` (both `YYYY-MM-DD`, included). */
  date(from: string, to: string): string {
    const day = 86_400_000;
    const first = Date.parse(`${from}T00:00:00Z`) / day;
    const last = Date.parse(`${to}T00:00:00Z`) / day;
    return new Date(this.int(first, last) * day).toISOString().slice(0, 10);
  }
}

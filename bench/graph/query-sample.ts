/**
 * Draws the benchmark's queries from the identifiers of the corpus, with a fixed seed: half
 * "common" names (weighted by how often they occur, so `value` or `map` come up) and half
 * "rare" ones (uniform over distinct names, most of which occur a few times).
 *
 * @module
 */

import { seededRandom } from './seeded-random.js';

/** The query inputs of one run. */
export interface QuerySample {
  /** Names for `def` and `refs`: distinct, common and rare interleaved. */
  readonly names: string[];
  /** Prefixes for `complete` (2 to 5 characters of sampled names), distinct. */
  readonly prefixes: string[];
  /** Selective identifiers for `search`: 8+ characters occurring 1 to 50 times. */
  readonly selective: string[];
}

/** Picks from a name list: uniformly, or weighted by occurrence counts. */
class NamePicker {
  readonly #names: string[];
  readonly #cumulative: Float64Array;
  readonly #random: () => number;

  constructor(identifiers: ReadonlyMap<string, number>, random: () => number) {
    this.#names = [...identifiers.keys()].sort();
    this.#cumulative = new Float64Array(this.#names.length);
    let sum = 0;
    this.#names.forEach((name, i) => (this.#cumulative[i] = sum += identifiers.get(name)!));
    this.#random = random;
  }

  uniform(): string {
    return this.#names[Math.floor(this.#random() * this.#names.length)]!;
  }

  weighted(): string {
    const target = this.#random() * this.#cumulative[this.#cumulative.length - 1]!;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#cumulative[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    return this.#names[lo]!;
  }
}

/** Draws up to `n` distinct values from `draw`, giving up after `10 n` tries. */
function distinct(n: number, draw: (i: number) => string): string[] {
  const out = new Set<string>();
  for (let i = 0; out.size < n && i < n * 10; i++) out.add(draw(i));
  return [...out];
}

/**
 * Samples query inputs.
 * @param identifiers - occurrences per identifier (from the census)
 * @param n - names and prefixes to draw
 * @param searches - selective patterns to draw
 * @param seed - PRNG seed
 * @returns the sample; every list is free of repeats, so no timed query can hit a result cache
 */
export function sampleQueries(identifiers: ReadonlyMap<string, number>, n: number, searches: number, seed: number): QuerySample {
  const random = seededRandom(seed);
  const picker = new NamePicker(identifiers, random);
  const selectiveNames = new Map([...identifiers].filter(([name, count]) => name.length >= 8 && count <= 50));
  const selectivePicker = new NamePicker(selectiveNames, random);
  return {
    names: distinct(n, (i) => (i % 2 === 0 ? picker.weighted() : picker.uniform())),
    prefixes: distinct(n, (i) => {
      const name = i % 2 === 0 ? picker.weighted() : picker.uniform();
      return name.slice(0, 2 + Math.floor(random() * 4));
    }),
    selective: distinct(searches, () => selectivePicker.uniform()),
  };
}

/** One query of a replayed mix. */
export type MixQuery =
  | { readonly kind: 'def' | 'refs'; readonly name: string }
  | { readonly kind: 'complete'; readonly prefix: string }
  | { readonly kind: 'search'; readonly pattern: string };

/**
 * A query mix with repeats, as an editor session makes: names drawn from a small working set
 * with a Zipf-like skew (s = 1), kinds def 40 %, refs 25 %, complete 20 %, search 15 %.
 * @param sample - the pool to draw from
 * @param length - queries in the mix
 * @param seed - PRNG seed
 * @returns the queries, in order
 */
export function queryMix(sample: QuerySample, length: number, seed: number): MixQuery[] {
  const random = seededRandom(seed);
  const pool = Math.min(200, sample.names.length);
  const weights = Array.from({ length: pool }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const zipf = (): number => {
    let r = random() * total;
    for (let i = 0; i < pool; i++) if ((r -= weights[i]!) <= 0) return i;
    return pool - 1;
  };
  const mix: MixQuery[] = [];
  for (let i = 0; i < length; i++) {
    const k = random();
    const rank = zipf();
    if (k < 0.4) mix.push({ kind: 'def', name: sample.names[rank]! });
    else if (k < 0.65) mix.push({ kind: 'refs', name: sample.names[rank]! });
    else if (k < 0.85) mix.push({ kind: 'complete', prefix: sample.prefixes[rank % sample.prefixes.length]! });
    else mix.push({ kind: 'search', pattern: sample.selective[rank % Math.max(1, sample.selective.length)] ?? sample.names[rank]! });
  }
  return mix;
}

/**
 * Splits a list into its even- and odd-indexed items: two disjoint halves drawn the same way
 * (a sample's draws alternate common and rare, and later draws are rarer).
 */
export function alternate<T>(items: readonly T[]): [T[], T[]] {
  return [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)];
}

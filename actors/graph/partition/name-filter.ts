/**
 * A Bloom filter over symbol names: the summary the graph layer keeps per partition, so that
 * `def NAME` and `refs NAME` ask only the partitions that may hold the name. It never answers
 * "no" for a name that was added; it answers "maybe" for about 1 % of the others (10 bits and 7
 * hashes per name). 100k names take 122 KB, against megabytes for the names themselves.
 *
 * Hashing: FNV-1a and a second multiplicative hash over UTF-16 code units, combined by double
 * hashing (Kirsch and Mitzenmacher): probe i is `h1 + i * h2 (mod bits)`.
 *
 * @module
 */

/** Bits per name; with {@link kHashes} hashes this gives about 1 % false positives. */
export const kBitsPerName = 10;

/** Hashes (probes) per name. */
export const kHashes = 7;

/** The plain-data form of a filter, as it crosses threads. */
export interface NameFilterData {
  readonly bits: Uint8Array;
  readonly hashes: number;
}

/** A Bloom filter of names (immutable once built). */
export class NameFilter {
  readonly #bits: Uint8Array;
  readonly #hashes: number;
  readonly #size: number;

  /**
   * @param data Bits and hash count, from {@link NameFilter.build} (possibly on another thread).
   * @throws {RangeError} When the bits are empty or the hash count is not a positive integer.
   */
  constructor(data: NameFilterData) {
    if (data.bits.length === 0) throw new RangeError('Cannot create a name filter: it has no bits: current value is 0 bytes');
    if (!Number.isInteger(data.hashes) || data.hashes < 1) throw new RangeError(`Cannot create a name filter: hashes must be a positive integer: current value is ${data.hashes}`);
    this.#bits = data.bits;
    this.#hashes = data.hashes;
    this.#size = data.bits.length * 8;
  }

  /**
   * Builds a filter sized for the names given.
   *
   * @param names The names (each distinct name once; repeats only cost time).
   * @returns The filter.
   * @example
   * const f = NameFilter.build(['parseConfig', 'Foo']);
   * f.mayContain('Foo'); // true
   */
  static build(names: ReadonlySet<string> | readonly string[]): NameFilter {
    const count = 'size' in names ? names.size : names.length;
    const bytes = Math.max(8, Math.ceil((count * kBitsPerName) / 8));
    const filter = new NameFilter({ bits: new Uint8Array(bytes), hashes: kHashes });
    for (const name of names) filter.#add(name);
    return filter;
  }

  /** Whether `name` may have been added (never false for one that was). */
  mayContain(name: string): boolean {
    const [h1, h2] = hashes(name);
    for (let i = 0; i < this.#hashes; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      const at = bit % this.#size;
      if ((this.#bits[at >>> 3]! & (1 << (at & 7))) === 0) return false;
    }
    return true;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.#bits.length;
  }

  /** The plain-data form. */
  toData(): NameFilterData {
    return { bits: this.#bits, hashes: this.#hashes };
  }

  #add(name: string): void {
    const [h1, h2] = hashes(name);
    for (let i = 0; i < this.#hashes; i++) {
      const at = ((h1 + Math.imul(i, h2)) >>> 0) % this.#size;
      this.#bits[at >>> 3]! |= 1 << (at & 7);
    }
  }
}

/** Two independent 32-bit hashes of a string; the second is odd, so probes never repeat early. */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

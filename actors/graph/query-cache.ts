/**
 * A bounded LRU cache of query answers, invalidated by partition versions: each entry records
 * what it was computed from, either the router's stamp (an answer that read the whole graph:
 * any version or filter change makes it stale) or one partition's version (an answer read from
 * the owner of a file, e.g. `outline`). A stale entry counts as a miss and is dropped.
 *
 * @module
 */

/** What an entry was computed from. */
export type CacheBasis = { readonly stamp: number } | { readonly partition: number; readonly version: number };

interface Entry<V> {
  readonly value: V;
  readonly basis: CacheBasis;
}

/** test-only planted bug (issue 7): TESSERA_PLANTED_BUG=stale-cache; see docs/stress.md. */
const kStaleCache = process.env['TESSERA_PLANTED_BUG'] === 'stale-cache';

/** Default number of entries. */
export const kDefaultCacheEntries = 1024;

/** An LRU of answers keyed by (operation, arguments). */
export class QueryCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #capacity: number;
  readonly #isCurrent: (basis: CacheBasis) => boolean;
  #hits = 0;
  #misses = 0;

  /**
   * @param isCurrent - whether an entry's basis still holds (compares with the router)
   * @param capacity - most entries kept; the least recently used goes first (0 disables)
   * @throws RangeError for a negative or fractional capacity
   */
  constructor(isCurrent: (basis: CacheBasis) => boolean, capacity = kDefaultCacheEntries) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`Cannot create a query cache: capacity must be an integer >= 0: current value is ${capacity}`);
    this.#isCurrent = isCurrent;
    this.#capacity = capacity;
  }

  /** The key of a query: the operation and its arguments (built in a fixed key order by the caller). */
  static key(op: string, args: unknown): string {
    return `${op}\0${JSON.stringify(args)}`;
  }

  /** A current answer, counted as a hit; otherwise `undefined`, counted as a miss. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    // test-only planted bug (issue 7): with kStaleCache an entry is never invalidated.
    if (entry === undefined || (!kStaleCache && !this.#isCurrent(entry.basis))) {
      if (entry !== undefined) this.#entries.delete(key);
      this.#misses++;
      return undefined;
    }
    // Map order is insertion order: re-inserting marks the entry most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#hits++;
    return entry.value;
  }

  /** Stores an answer with what it was computed from. */
  set(key: string, value: V, basis: CacheBasis): void {
    if (this.#capacity === 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, basis });
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Drops every entry (counters are kept). */
  clear(): void {
    this.#entries.clear();
  }

  get hits(): number {
    return this.#hits;
  }

  get misses(): number {
    return this.#misses;
  }

  get size(): number {
    return this.#entries.size;
  }
}

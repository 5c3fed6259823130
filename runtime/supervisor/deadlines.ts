import type { Clock, TimerHandle } from '../clock.js';

/** A registered deadline; pass it to {@link Deadlines.cancel}. */
export interface DeadlineHandle {
  readonly bucket: number;
  readonly expire: () => void;
}

/**
 * Many deadlines behind one timer, for ask timeouts: a timer per ask would dominate the ask
 * path. Deadlines fall into buckets of `granularityMs` (a deadline fires up to that much late);
 * adding and cancelling are O(1), and a single clock timer is armed for the earliest bucket.
 */
export class Deadlines {
  readonly #clock: Clock;
  readonly #granularity: number;
  readonly #buckets = new Map<number, Set<DeadlineHandle>>();
  #timer: TimerHandle | undefined;
  #armedFor = Infinity;

  constructor(clock: Clock, granularityMs = 50) {
    this.#clock = clock;
    this.#granularity = granularityMs;
  }

  /** Calls `expire` at `at` (up to one granularity later) unless cancelled first. */
  add(at: number, expire: () => void): DeadlineHandle {
    const bucket = Math.ceil(at / this.#granularity);
    const handle: DeadlineHandle = { bucket, expire };
    let set = this.#buckets.get(bucket);
    if (!set) this.#buckets.set(bucket, (set = new Set()));
    set.add(handle);
    if (bucket < this.#armedFor) this.#arm(bucket);
    return handle;
  }

  /** Forgets a deadline (its ask settled). */
  cancel(handle: DeadlineHandle): void {
    const set = this.#buckets.get(handle.bucket);
    if (!set) return;
    set.delete(handle);
    if (set.size === 0) this.#buckets.delete(handle.bucket);
  }

  /** Deadlines pending. */
  get size(): number {
    let n = 0;
    for (const set of this.#buckets.values()) n += set.size;
    return n;
  }

  /** Drops every deadline and the timer. */
  clear(): void {
    if (this.#timer) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedFor = Infinity;
    this.#buckets.clear();
  }

  #arm(bucket: number): void {
    if (this.#timer) this.#clock.clearTimeout(this.#timer);
    this.#armedFor = bucket;
    this.#timer = this.#clock.setTimeout(() => this.#fire(), Math.max(0, bucket * this.#granularity - this.#clock.now()));
  }

  #fire(): void {
    this.#timer = undefined;
    this.#armedFor = Infinity;
    const due = Math.floor(this.#clock.now() / this.#granularity);
    let next = Infinity;
    for (const [bucket, set] of this.#buckets) {
      if (bucket > due) {
        next = Math.min(next, bucket);
        continue;
      }
      this.#buckets.delete(bucket);
      for (const handle of set) handle.expire();
    }
    if (next !== Infinity && next < this.#armedFor) this.#arm(next);
  }
}

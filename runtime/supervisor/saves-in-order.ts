/**
 * Snapshot saves, kept per actor in the order they were requested. A worker writes each snapshot
 * to its own temporary file and the writes may finish in any order (a checkpoint's and then a
 * passivation's, say); installing an older file over a newer one would lose the updates between
 * them. So each save's `keep` step runs only after those requested before it for that actor.
 *
 * @module
 */
export class SavesInOrder {
  /** Per actor, the settling of its last save: never rejects. */
  readonly #tails = new Map<string, Promise<void>>();

  /**
   * Runs `keep` with `reply`'s value once the earlier saves of `key` have settled.
   * @throws what `reply` or `keep` throws (later saves still run)
   */
  async run<T>(key: string, reply: Promise<T>, keep: (value: T) => Promise<void>): Promise<void> {
    const before = this.#tails.get(key);
    const save = (before ? Promise.all([reply, before]).then(([value]) => value) : reply).then(keep);
    const tail = save.then(noop, noop);
    this.#tails.set(key, tail);
    try {
      await save;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Resolves when every save of `key` requested so far has settled (at once when none). */
  settled(key: string): Promise<void> {
    return this.#tails.get(key) ?? Promise.resolve();
  }

  /** True while a save of `key` is under way. */
  has(key: string): boolean {
    return this.#tails.has(key);
  }
}

function noop(): void {}

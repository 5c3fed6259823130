import type { WatchBatch } from './watch-types.js';

/**
 * Changes gathered for one batch, coalesced: the last thing that happened to a path wins
 * (written ten times: one upsert; created then deleted: removed). A deleted directory drops the
 * pending upserts and removals under it. The consumer applies `removedDirs` and `removed`
 * before `upserted`, which keeps "directory deleted, then recreated with new files" right.
 */
export class ChangeSet {
  #upserted = new Set<string>();
  #removed = new Set<string>();
  #removedDirs = new Set<string>();
  #rescan: string | null = null;

  /** Whether nothing is pending. */
  get empty(): boolean {
    return this.#upserted.size === 0 && this.#removed.size === 0 && this.#removedDirs.size === 0 && this.#rescan === null;
  }

  /** @param path - a file created or modified */
  upsert(path: string): void {
    this.#removed.delete(path);
    this.#upserted.add(path);
  }

  /** @param path - a file deleted */
  remove(path: string): void {
    this.#upserted.delete(path);
    this.#removed.add(path);
  }

  /** @param path - a directory deleted */
  removeDir(path: string): void {
    const prefix = `${path}/`;
    for (const set of [this.#upserted, this.#removed, this.#removedDirs]) {
      for (const p of set) if (p.startsWith(prefix)) set.delete(p);
    }
    this.#upserted.delete(path);
    this.#removed.delete(path);
    this.#removedDirs.add(path);
  }

  /** @param reason - why the consumer must rescan (the first reason is kept) */
  rescan(reason: string): void {
    this.#rescan ??= reason;
  }

  /**
   * Empties the set.
   * @returns the batch, each list sorted
   */
  take(): WatchBatch {
    const batch: WatchBatch = { upserted: [...this.#upserted].sort(), removed: [...this.#removed].sort(), removedDirs: [...this.#removedDirs].sort() };
    if (this.#rescan !== null) batch.rescan = { reason: this.#rescan };
    this.#upserted = new Set();
    this.#removed = new Set();
    this.#removedDirs = new Set();
    this.#rescan = null;
    return batch;
  }
}

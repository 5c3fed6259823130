/**
 * The graph's side of file watching. The watcher starts before the first scan (so a file saved
 * while the tree is being indexed is not missed); batches that arrive before the graph is open
 * wait here, and are applied, in order, once it is. Re-applying a file the index already holds
 * costs one read: its content hash is unchanged, so it is not parsed again.
 *
 * @module
 */

import type { ResolvedGraphOptions } from './code-graph-options.js';
import { TreeWatcher, type TreeWatcherStats, type WatchBatch } from './watch/index.js';

/**
 * Memory a watched directory costs the process (an inotify watch, a libuv handle, the
 * directory's entry in the watcher): 4.8 MB RSS for 1,227 directories, measured by
 * `npm run -s bench -- live` on the 1.5M-line corpus, rounded up.
 */
export const kWatchedDirBytes = 4096;

/** Receives batches once the graph is open. */
export type BatchSink = (batch: WatchBatch) => Promise<void>;

/** A running watcher whose batches are held until a sink is attached. */
export class LiveTree {
  readonly #watcher: TreeWatcher;
  readonly #held: WatchBatch[];
  /** Shared with the watcher's callback, which starts before this object exists. */
  readonly #route: { sink: BatchSink | null };

  private constructor(watcher: TreeWatcher, held: WatchBatch[], route: { sink: BatchSink | null }) {
    this.#watcher = watcher;
    this.#held = held;
    this.#route = route;
  }

  /**
   * Starts watching the root with the scanner's ignore rules.
   * @param o - the graph's options (root, size limit, notices)
   * @returns the watcher, holding batches until {@link attach}
   */
  static async start(o: ResolvedGraphOptions): Promise<LiveTree> {
    const held: WatchBatch[] = [];
    const route: { sink: BatchSink | null } = { sink: null };
    const watcher = await TreeWatcher.start(o.root, {
      maxFileBytes: o.maxFileBytes,
      onBatch: (batch) => {
        if (batch.rescan !== undefined) o.onNotice({ code: 'watch.rescan', message: `rescanning ${o.root}: ${batch.rescan.reason}` });
        if (route.sink === null) {
          held.push(batch);
          return;
        }
        return route.sink(batch);
      },
      onError: (err) => o.onNotice({ code: 'watch.error', message: `watcher: ${err.message}` }),
    });
    return new LiveTree(watcher, held, route);
  }

  /** Delivers the held batches, then every later one, to `sink` (one at a time). */
  async attach(sink: BatchSink): Promise<void> {
    // Batches arriving meanwhile join the queue; the sink is installed once it is empty.
    while (this.#held.length > 0) await sink(this.#held.shift()!);
    this.#route.sink = sink;
  }

  /** Delivers a batch in the making now; resolves once it was handed to the sink. */
  flush(): Promise<void> {
    return this.#watcher.flush();
  }

  /** What the watcher holds, as counted against the graph's memory budget. */
  estimatedBytes(): number {
    return this.#watcher.stats().dirs * kWatchedDirBytes;
  }

  /** The watcher's counters. */
  stats(): TreeWatcherStats {
    return this.#watcher.stats();
  }

  /** Stops watching. Idempotent. */
  close(): Promise<void> {
    return this.#watcher.close();
  }
}

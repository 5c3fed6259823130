import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { tesseraError } from '../../../protocol/index.js';
import { systemClock, type Clock } from '../../../runtime/index.js';
import { checkBatchPolicy } from './batch-policy.js';
import { BatchTimer } from './batch-timer.js';
import { ChangeSet } from './change-set.js';
import { ChokidarBackend } from './chokidar-backend.js';
import { FsWatchBackend, type WatchDir } from './fs-watch-backend.js';
import { IgnoreTracker } from './ignore-tracker.js';
import type { TreeWatcherOptions, TreeWatcherStats, WatchBackend, WatchBatch, WatchSink } from './watch-types.js';

/** @internal Test seams of {@link TreeWatcher.start}. */
export interface TreeWatcherInternals {
  clock?: Clock;
  watchDir?: WatchDir;
  /** Events in one event-loop turn that mean the inotify queue overflowed. */
  queueLimit?: number;
}

/**
 * Watches a repository root and delivers coalesced batches of changed paths, with the scanner's
 * ignore rules applied before anything is watched.
 *
 *   fs.watch / chokidar ──events──▶ backend ──upsert/remove/removeDir/rescan──▶ ChangeSet
 *                                                                │ BatchTimer (debounce, max delay)
 *                                                                ▼
 *                                     onBatch(batch) ── one at a time; the next waits for it
 *
 * A change to an ignore file restarts the backend (what is watched depends on the rules), as
 * does an inotify queue overflow (directories may have appeared unseen); the batch that reports
 * it carries `rescan`, and it is delivered only once the new watch is set up,
 * so a rescan the consumer starts then misses nothing. Watcher errors (ENOSPC: the inotify
 * watch limit; EMFILE) go to `onError` and the next batch carries `rescan`; the watcher keeps
 * running with what it could watch.
 * @example
 * const watcher = await TreeWatcher.start('/repo', { onBatch: (b) => graph.applyChanges(b) });
 * await watcher.close();
 */
export class TreeWatcher {
  readonly #root: string;
  readonly #options: TreeWatcherOptions;
  readonly #internals: TreeWatcherInternals;
  readonly #tracker: IgnoreTracker;
  readonly #changes = new ChangeSet();
  readonly #timer: BatchTimer;
  readonly #sink: WatchSink;
  readonly #counts = { events: 0, batches: 0, rescans: 0, setupMs: 0 };
  /** Error codes already passed to `onError` for the open batch: one ENOSPC, not thousands. */
  readonly #reported = new Set<string>();
  #backend: WatchBackend | null = null;
  #restarting: Promise<void> | null = null;
  /** The delivery under way (onBatch not settled yet). */
  #inFlight: Promise<void> | null = null;
  #closing: Promise<void> | null = null;

  private constructor(root: string, options: TreeWatcherOptions, internals: TreeWatcherInternals) {
    this.#root = root;
    this.#options = options;
    this.#internals = internals;
    const policy = checkBatchPolicy({ debounceMs: options.debounceMs ?? 5, maxDelayMs: options.maxDelayMs ?? 50 });
    this.#timer = new BatchTimer(internals.clock ?? systemClock, policy, () => void this.#deliver());
    this.#tracker = new IgnoreTracker(root, options);
    this.#sink = {
      upsert: (p) => this.#note(p, () => this.#changes.upsert(p)),
      remove: (p) => this.#note(p, () => this.#changes.remove(p)),
      removeDir: (p) => this.#note(p, () => this.#changes.removeDir(p)),
      rescan: (reason, err) => this.#rescan(reason, err),
      resync: (reason) => {
        if (this.#closing !== null) return;
        this.#restart(reason);
        this.#timer.note();
      },
    };
  }

  /**
   * Starts watching.
   * @param root - the directory to watch
   * @param options - batching, ignore rules, implementation, callbacks
   * @param internals - @internal test seams (clock, `fs.watch` replacement)
   * @returns the watcher, once the initial watch is set up (existing files are not reported)
   * @throws RangeError for bad batching options; ERR_GRAPH_SCAN_ROOT when the root is not a readable directory
   */
  static async start(root: string, options: TreeWatcherOptions, internals: TreeWatcherInternals = {}): Promise<TreeWatcher> {
    const abs = resolve(root);
    await checkRoot(abs);
    const watcher = new TreeWatcher(abs, options, internals);
    const t0 = performance.now();
    await watcher.#startBackend();
    watcher.#counts.setupMs = performance.now() - t0;
    return watcher;
  }

  /** @returns counters: directories watched, changes reported, batches, rescans, setup time */
  stats(): TreeWatcherStats {
    return { dirs: this.#backend?.dirCount() ?? 0, ...this.#counts };
  }

  /**
   * Delivers what has been seen so far without waiting for the debounce (the graph's `sync`
   * uses it): waits for a delivery under way (and a restart), then delivers the pending changes
   * at once.
   * @returns a promise that resolves once every change seen before the call was handed to
   *   `onBatch` and the promise it returned settled
   */
  async flush(): Promise<void> {
    // Bounded: a delivery under way or a restart is awaited, then at most one more batch is
    // forced, so a steady stream of new events cannot keep the caller waiting.
    while (this.#inFlight !== null || this.#restarting !== null) await (this.#inFlight ?? this.#restarting);
    if (this.#changes.empty || this.#closing !== null) return;
    this.#timer.cancel();
    await this.#deliver();
  }

  /** Stops watching; pending changes are dropped. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#timer.cancel();
      await this.#restarting;
      await this.#backend?.close();
      this.#backend = null;
    })();
    return this.#closing;
  }

  async #startBackend(): Promise<void> {
    const backend: WatchBackend =
      this.#options.impl === 'chokidar'
        ? new ChokidarBackend(this.#root, this.#tracker, this.#sink)
        : new FsWatchBackend(this.#root, this.#tracker, this.#sink, { watchDir: this.#internals.watchDir, queueLimit: this.#internals.queueLimit });
    this.#backend = backend;
    await backend.start();
  }

  #note(path: string, apply: () => void): void {
    if (this.#closing !== null) return;
    this.#counts.events++;
    apply();
    if (this.#tracker.isIgnoreFile(path)) this.#restart(`ignore file changed: "${path}"`);
    this.#timer.note();
  }

  #rescan(reason: string, err?: Error): void {
    if (this.#closing !== null) return;
    this.#counts.events++;
    this.#changes.rescan(reason);
    const key = (err as NodeJS.ErrnoException | undefined)?.code ?? reason;
    if (err !== undefined && !this.#reported.has(key)) {
      this.#reported.add(key);
      this.#options.onError?.(err);
    }
    this.#timer.note();
  }

  // Replaces the backend under new ignore rules; batches wait until the new one is up.
  #restart(reason: string): void {
    this.#changes.rescan(reason);
    if (this.#restarting !== null) return;
    this.#timer.hold();
    this.#restarting = (async () => {
      await this.#backend?.close();
      this.#tracker.reset();
      if (this.#closing === null) await this.#startBackend();
    })()
      .catch((err: unknown) => this.#rescan(`cannot restart the watcher: ${String(err)}`, err instanceof Error ? err : undefined))
      .finally(() => {
        this.#restarting = null;
        this.#timer.release();
      });
  }

  // Takes the pending changes and hands them to onBatch; the timer is held until it settles.
  #deliver(): Promise<void> {
    if (this.#changes.empty || this.#closing !== null) return Promise.resolve();
    const batch = this.#changes.take();
    this.#reported.clear();
    this.#timer.hold();
    const delivery = this.#handOver(batch).finally(() => {
      this.#inFlight = null;
      this.#timer.release();
    });
    this.#inFlight = delivery;
    return delivery;
  }

  async #handOver(batch: WatchBatch): Promise<void> {
    try {
      if (this.#options.maxFileBytes !== undefined) await dropLarge(this.#root, batch, this.#options.maxFileBytes);
      this.#counts.batches++;
      if (batch.rescan !== undefined) this.#counts.rescans++;
      if (this.#closing === null) await this.#options.onBatch(batch);
    } catch (err) {
      this.#reportBatchError(err);
    }
  }

  #reportBatchError(err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err));
    if (this.#options.onError !== undefined) this.#options.onError(error);
    else
      setTimeout(() => {
        throw error;
      });
  }
}

async function checkRoot(root: string): Promise<void> {
  let reason = 'not a directory';
  try {
    if ((await stat(root)).isDirectory()) return;
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  }
  throw tesseraError('ERR_GRAPH_SCAN_ROOT', { root, reason });
}

// Files over the limit are skipped by the scanner, so for the graph they are removed.
async function dropLarge(root: string, batch: WatchBatch, limit: number): Promise<void> {
  const sizes = await Promise.all(batch.upserted.map((p) => stat(`${root}/${p}`).then((s) => s.size, () => 0)));
  const large = new Set(batch.upserted.filter((_, i) => sizes[i]! > limit));
  if (large.size === 0) return;
  batch.upserted = batch.upserted.filter((p) => !large.has(p));
  batch.removed = [...batch.removed, ...large].sort();
}

/**
 * The code graph's library API: open a repository, ask it about the code.
 *
 *   main thread                                            worker threads
 *   CodeGraph ─ cache (LRU, by partition versions)
 *     ├ GraphRouter: plan + name filter per partition   ┌ ParsePool (piscina): read + parse
 *     ├ FileTable, GraphImports (cross-partition)       │
 *     └ PartitionClient ─ Supervisor ══ rings ══════════┴ runtime workers: partition/0 … partition/N
 *                                                          (PartitionIndex each; evicted to disk
 *                                                           under memory pressure, re-activated
 *                                                           by the next ask)
 *
 * @module
 */

import { tesseraError } from '../../protocol/index.js';
import { LatencyRecorder, type Supervisor } from '../../runtime/index.js';
import { resolveGraphOptions, type CodeGraphOptions, type ResolvedGraphOptions } from './code-graph-options.js';
import { StoredDefs } from './stored-defs.js';
import { ColdSearch } from './cold-search.js';
import { catchUp } from './graph-catch-up.js';
import { applyFileChanges, type ChangeOutcome, type FileChanges } from './graph-changes.js';
import { GraphEvents, type ChangeCause, type GraphEventListener } from './graph-events.js';
import { LiveTree } from './graph-live.js';
import { rebalance } from './graph-rebalance.js';
import { graphPath, impactOfFile, importersOf, importsOf, kDefaultImpactLimit, outlineOf } from './graph-file-queries.js';
import { GraphImports } from './graph-imports.js';
import { kDefaultMapTokens, repoMap } from './graph-map.js';
import { openGraphParts, type GraphParts } from './graph-open.js';
import { searchAll, searchQuery, type SearchOptions } from './graph-search.js';
import { buildGraphStats, partitionRows, type GraphStats, type PartitionRow } from './graph-stats.js';
import { completions, kDefaultCompletions, kDefaultHitLimit, symbolHits } from './graph-symbol-queries.js';
import { WideDefs } from './wide-defs.js';
import { QueryCache, type CacheBasis } from './query-cache.js';
import type { Answer, QueryContext } from './query-context.js';
import type { QueryResult } from './query-result.js';
import type { ScanProblem } from './scan/index.js';
import { captureManifest } from './store/index.js';
import type { WatchBatch } from './watch/index.js';

/** Quiet time before idle work runs (see `#whenIdle`). */
const kIdleMs = 1000;
/** Quiet time after queries before a full collection in every thread. */
const kCollectQuietMs = 10_000;

/** A live, partitioned code graph of one repository. */
export class CodeGraph {
  readonly #parts: GraphParts;
  readonly #ctx: QueryContext;
  readonly #cache: QueryCache<Answer>;
  readonly #latency = new Map<string, LatencyRecorder>();
  readonly #unsubscribe: () => void;
  readonly #o: ResolvedGraphOptions;
  readonly #events = new GraphEvents();
  #live: LiveTree | null = null;
  #writes: Promise<unknown> = Promise.resolve();
  #updates = 0;
  #closed = false;
  /** When the last query or write started (performance.now()). */
  #lastActivity = performance.now();
  #idleTimer: NodeJS.Timeout | undefined;
  /** Work that waits for a quiet moment, by name (a name queued twice runs once). */
  readonly #idleWork = new Map<string, { readonly work: () => unknown; readonly quietMs: number }>();
  /** Idle work running now, and who waits for none to be queued or running (`settled`). */
  #idleRunning = 0;
  #settledWaiters: (() => void)[] = [];
  readonly #wide: WideDefs;

  private constructor(parts: GraphParts, o: ResolvedGraphOptions) {
    this.#parts = parts;
    this.#o = o;
    this.#wide = new WideDefs({ ...o.wideDefs, dir: o.snapshotDir });
    const { root, router, client, table, resolver, concurrency, pool, supervisor } = parts;
    const residentAddresses = (): Set<string> => new Set(supervisor.actors().filter((a) => a.state === 'active' || a.state === 'activating').map((a) => a.address));
    const cold = new ColdSearch({ root, router, table, pool, residentAddresses, roomToLoad: () => supervisor.pressure === 'normal' });
    const storedDefs = new StoredDefs(router, (address, read) => supervisor.readStoredBulk(address, read));
    this.#ctx = { root, router, client, table, resolver, concurrency, imports: new GraphImports(), cold, storedDefs, wideDefs: this.#wide };
    this.#cache = new QueryCache((b: CacheBasis) => ('stamp' in b ? b.stamp === router.stamp : router.version(b.partition) === b.version));
    // A corrupt snapshot leaves its partition empty at version 0: index its files again. Its
    // versions start over, so answers cached by version could look current: drop them all.
    this.#unsubscribe = parts.supervisor.on((e) => {
      const id = e.type === 'snapshot.corrupt' ? /^partition\/(\d+)$/.exec(e.actor)?.[1] : undefined;
      if (id === undefined) return;
      this.#cache.clear();
      // Nobody awaits this repair: a failure is rethrown in a macrotask, never swallowed.
      this.#write(() => this.#reindex(Number(id))).catch((err: unknown) => setImmediate(() => {
        throw err;
      }));
    });
  }

  /**
   * Subscribes to the graph's events: files re-indexed (with the cause: a save, a restart's
   * catch-up, a rescan, a call), partitions rebuilt, notices. Evictions are the runtime's
   * events (`supervisor.on`).
   * @returns a function that unsubscribes
   */
  on(listener: GraphEventListener): () => void {
    return this.#events.add(listener);
  }

  /**
   * Scans a repository (honouring `.gitignore` and `.tesseraignore`), plans partitions,
   * parses every file on a thread pool and stores the results in partition actors.
   * @param options - the root and optional limits
   * @returns the open graph; close it with {@link CodeGraph.close}
   * @throws TypeError or RangeError for bad options; ERR_GRAPH_SCAN_ROOT when the root cannot be read
   * @example
   * const graph = await CodeGraph.open({ root: '/repo' });
   * const { results } = await graph.def('parseConfig');
   * await graph.close();
   */
  static async open(options: CodeGraphOptions): Promise<CodeGraph> {
    const o = resolveGraphOptions(options);
    // Watching starts before the scan: a file saved while the tree is indexed is not missed.
    const live = o.watch ? await LiveTree.start(o) : null;
    let parts: GraphParts;
    try {
      parts = await openGraphParts(o, live === null ? undefined : () => live.estimatedBytes());
    } catch (err) {
      await live?.close();
      throw err;
    }
    const graph = new CodeGraph(parts, o);
    // A warm start compares the tree with the stored table first; held watch batches follow.
    if (parts.warm) void graph.#background(() => graph.#write(() => graph.#catchUp('restart')));
    // Once the first index (or the catch-up) is in and the graph is quiet: one full collection
    // in every thread, so the garbage of indexing is returned before the graph sits idle (this
    // repository, 2 workers: the workers' heaps went from 64 to 35 MB, RSS from 251 to 222 MB).
    graph.#collectWhenQuiet(kIdleMs);
    graph.#buildWideWhenQuiet(kIdleMs);
    if (live !== null) {
      graph.#live = live;
      void graph.#background(() => live.attach((batch) => graph.#applyBatch(batch)));
    }
    return graph;
  }

  /**
   * Resolves once every change seen so far is applied: a batch the watcher is still collecting
   * is delivered now, and queued changes (a warm start's catch-up included) finish. A file saved
   * before `sync` is called is queryable when it resolves, provided the watcher has seen the
   * save (inotify reports it within about a millisecond).
   */
  async sync(): Promise<void> {
    this.#checkOpen();
    await this.#live?.flush();
    await this.#writes;
  }

  /**
   * Resolves once no background work is queued or running: the first quiet moment's work
   * after open (a full collection, the wide-definition table) or after a change is done.
   * Queries meanwhile postpone it. For benchmarks and tests that time a settled graph.
   */
  settled(): Promise<void> {
    if (this.#idleWork.size === 0 && this.#idleRunning === 0) return Promise.resolve();
    return new Promise((resolve) => this.#settledWaiters.push(resolve));
  }

  /** The absolute root of the graph. */
  get root(): string {
    return this.#parts.root;
  }

  /** The actor runtime that hosts the partitions (for stats and tests). */
  get supervisor(): Supervisor {
    return this.#parts.supervisor;
  }

  /** Definitions named exactly `name` (default limit 1000). */
  async def(name: string, o: { limit?: number } = {}): Promise<QueryResult> {
    const limit = o.limit ?? kDefaultHitLimit;
    return this.#query('def', { name, limit }, () => symbolHits(this.#ctx, 'def', name, limit));
  }

  /** References to names exactly `name` (default limit 1000). */
  async refs(name: string, o: { limit?: number } = {}): Promise<QueryResult> {
    const limit = o.limit ?? kDefaultHitLimit;
    return this.#query('refs', { name, limit }, () => symbolHits(this.#ctx, 'refs', name, limit));
  }

  /** Symbol names starting with `prefix`, ignoring case, ranked (default limit 20). */
  async complete(prefix: string, o: { limit?: number } = {}): Promise<QueryResult> {
    const limit = o.limit ?? kDefaultCompletions;
    return this.#query('complete', { prefix, limit }, () => completions(this.#ctx, prefix, limit));
  }

  /** Lines matching a pattern, or all of several patterns (see {@link SearchOptions}). */
  async search(pattern: string | string[], o: SearchOptions = {}): Promise<QueryResult> {
    const query = searchQuery(pattern, o);
    return this.#query('search', query, () => searchAll(this.#ctx, query));
  }

  /** A file's definitions, nested. @throws ERR_GRAPH_FILE_NOT_INDEXED */
  async outline(file: string): Promise<QueryResult> {
    return this.#query('outline', { file: graphPath(this.root, file) }, () => outlineOf(this.#ctx, file));
  }

  /** A file's imports, resolved across the whole graph. @throws ERR_GRAPH_FILE_NOT_INDEXED */
  async imports(file: string): Promise<QueryResult> {
    return this.#query('imports', { file: graphPath(this.root, file) }, () => importsOf(this.#ctx, file));
  }

  /** The imports, anywhere in the graph, of a file. @throws ERR_GRAPH_FILE_NOT_INDEXED */
  async importers(file: string): Promise<QueryResult> {
    return this.#query('importers', { file: graphPath(this.root, file) }, () => importersOf(this.#ctx, file));
  }

  /** Files that import a file, directly or transitively (default limit 1000). @throws ERR_GRAPH_FILE_NOT_INDEXED */
  async impact(file: string, o: { limit?: number } = {}): Promise<QueryResult> {
    const limit = o.limit ?? kDefaultImpactLimit;
    return this.#query('impact', { file: graphPath(this.root, file), limit }, () => impactOfFile(this.#ctx, file, limit));
  }

  /** The most important definitions, by PageRank, cut to a token budget (default 1024); `text` holds the rendered map. */
  async map(o: { tokens?: number } = {}): Promise<QueryResult> {
    const tokens = o.tokens ?? kDefaultMapTokens;
    return this.#query('map', { tokens }, () => repoMap(this.#ctx, tokens));
  }

  /**
   * Re-reads changed files and removes deleted ones, routing each to its partition.
   * Calls are applied one at a time, in call order.
   * @param changes - root-relative (or absolute) paths; a path in both lists is re-read
   * @returns resolves once every partition holds the change
   */
  async applyChanges(changes: FileChanges): Promise<ChangeOutcome> {
    this.#checkOpen();
    return this.#write(() => this.#apply('call', () => applyFileChanges(this.#parts, changes)));
  }

  /** Files, lines, partitions, cache, per-query latency, the watcher and the store. */
  stats(): GraphStats {
    return {
      ...buildGraphStats(this.#parts, this.#cache, this.#latency, this.#ctx.storedDefs?.answered ?? 0),
      start: this.#parts.warm ? 'warm' : 'cold',
      store: this.#parts.storage.kind === 'store' ? this.#parts.storage.store.dir : null,
      updates: this.#updates,
      watch: this.#live?.stats() ?? null,
      wideDefs: this.#wide.stats(),
    };
  }

  /** The partitions in path order: range start, files, version, resident or evicted, worker, size. */
  partitions(): PartitionRow[] {
    return partitionRows(this.#parts);
  }

  /** Paths skipped or indexed with a problem (too large, binary, unreadable, syntax errors), by path. */
  problems(): ScanProblem[] {
    return [...this.#parts.problems.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * Stops the watcher, the workers and the parse pool. A persistent graph writes every
   * partition's snapshot and its manifest, so the next open starts warm; otherwise this graph's
   * snapshots are removed. Idempotent.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#idleTimer);
    this.#wide.close();
    this.#idleWork.clear();
    this.#wakeSettled();
    this.#unsubscribe();
    await this.#live?.close();
    // Let queued changes finish; their failures already went to their callers.
    await this.#writes.catch(() => {});
    const { storage, supervisor, pool } = this.#parts;
    if (storage.kind === 'session') {
      await Promise.allSettled([pool.close(), supervisor.stop()]);
      await storage.session.remove();
      return;
    }
    // Taken before the workers stop: nothing changes it any more.
    const manifest = captureManifest(this.#parts.shape, this.#parts, Date.now());
    const unsaved: string[] = [];
    const off = supervisor.on((e) => {
      if (e.type === 'error' && e.actor !== undefined) unsaved.push(e.actor);
    });
    await Promise.allSettled([pool.close(), supervisor.stop()]);
    off();
    try {
      if (unsaved.length === 0) await storage.store.save(manifest);
      else this.#o.onNotice({ code: 'store.unsaved', message: `snapshots of ${unsaved.join(', ')} could not be written: the next start indexes afresh` });
    } finally {
      await storage.store.release();
    }
  }

  /**
   * Runs `work` once nothing has been asked or written for `quietMs`, so its pause stays off
   * the queries (a full collection, rebuilding the completion table). Queued again under the
   * same name before it ran, it runs once.
   */
  #whenIdle(name: string, work: () => unknown, quietMs = kIdleMs): void {
    this.#idleWork.set(name, { work, quietMs });
    this.#armIdle();
  }

  #armIdle(): void {
    if (this.#idleTimer !== undefined || this.#idleWork.size === 0 || this.#closed) return;
    const quiet = performance.now() - this.#lastActivity;
    const wait = Math.max(0, Math.min(...[...this.#idleWork.values()].map((w) => w.quietMs)) - quiet);
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      if (this.#closed) return;
      const quietNow = performance.now() - this.#lastActivity;
      for (const [name, w] of [...this.#idleWork]) {
        if (quietNow < w.quietMs) continue;
        this.#idleWork.delete(name);
        this.#idleRunning++;
        void this.#background(() => Promise.resolve().then(w.work)).finally(() => {
          this.#idleRunning--;
          this.#wakeSettled();
        });
      }
      this.#armIdle();
    }, wait).unref();
  }

  #wakeSettled(): void {
    if (this.#idleWork.size > 0 || this.#idleRunning > 0 || this.#settledWaiters.length === 0) return;
    const waiters = this.#settledWaiters;
    this.#settledWaiters = [];
    for (const w of waiters) w();
  }

  /**
   * Builds the wide-definition table once the graph has been quiet for `quietMs`, from the
   * completion table (built here when a change left it to be rebuilt, as its own idle work would).
   */
  #buildWideWhenQuiet(quietMs: number): void {
    this.#whenIdle(
      'wide',
      async () => {
        const table = this.#ctx.router.completionTable();
        if (table === null || this.#ctx.storedDefs === undefined) return;
        const ask = (id: number, name: string, limit: number) => this.#ctx.client.query(id, 'def', { name, limit });
        await this.#wide.build(table, this.#ctx.router, this.#ctx.storedDefs, ask, () => new Promise((resolve) => setImmediate(resolve)));
      },
      quietMs,
    );
  }

  /** After activity, one full collection once the graph has been quiet for a while. */
  #collectWhenQuiet(quietMs: number): void {
    this.#whenIdle('collect', () => this.#write(() => this.#parts.supervisor.maintain({ collect: true })), quietMs);
  }

  /** Times a query and answers it from the cache when a current answer is there. */
  async #query(op: string, args: object, compute: () => Promise<Answer>): Promise<QueryResult> {
    this.#checkOpen();
    const started = performance.now();
    this.#lastActivity = started;
    // Queries leave garbage in every thread: return it once the graph has been quiet for a while.
    if (!this.#idleWork.has('collect')) this.#collectWhenQuiet(kCollectQuietMs);
    const key = QueryCache.key(op, args);
    let answer = this.#cache.get(key);
    if (answer === undefined) {
      // Read before asking: an update landing meanwhile makes this entry stale, never current.
      const stamp = this.#ctx.router.stamp;
      answer = await compute();
      this.#cache.set(key, answer, answer.basis ?? { stamp });
    }
    const took = performance.now() - started;
    let recorder = this.#latency.get(op);
    if (recorder === undefined) this.#latency.set(op, (recorder = new LatencyRecorder(1024)));
    recorder.record(took);
    return { results: answer.results, truncated: answer.truncated, took_ms: took, ...(answer.text === undefined ? {} : { text: answer.text }) };
  }

  #write<T>(work: () => Promise<T>): Promise<T> {
    this.#lastActivity = performance.now();
    const run = this.#writes.then(work, work);
    // The chain only orders the writes: each failure goes to the caller of that write.
    this.#writes = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** Runs work nobody awaits: a failure becomes a notice, never an unhandled rejection. */
  async #background(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (err) {
      if (!this.#closed) this.#o.onNotice({ code: 'update.failed', message: (err as Error).message });
    }
  }

  /**
   * Applies changes, counts them and tells the subscribers what changed; then, when files came
   * or went, splits or merges partitions that drifted far from their target size.
   */
  async #apply(cause: ChangeCause, work: () => Promise<ChangeOutcome>): Promise<ChangeOutcome> {
    let started = performance.now();
    const outcome = await work();
    this.#updates++;
    if (outcome.indexed.length + outcome.removed.length > 0 || cause !== 'watch') {
      this.#events.emit({ type: 'files.changed', cause, ...outcome, took_ms: performance.now() - started });
    }
    // def and refs route exactly through the completion table once it is built again.
    this.#whenIdle('table', () => this.#ctx.router.completionTable());
    this.#buildWideWhenQuiet(this.#o.wideDefs.rebuildQuietMs);
    if (outcome.created + outcome.removed.length > 0) {
      started = performance.now();
      const touched = new Set(outcome.partitions.map((p) => p.id));
      const moved = await rebalance(this.#parts, { files: this.#o.partitionFiles, bytes: this.#o.partitionBytes }, touched);
      if (moved.split.length + moved.merged.length > 0) this.#events.emit({ type: 'partitions.rebalanced', ...moved, took_ms: performance.now() - started });
    }
    return outcome;
  }

  #applyBatch(batch: WatchBatch): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const work = batch.rescan !== undefined ? () => this.#catchUp('rescan') : () => this.#apply('watch', () => applyFileChanges(this.#parts, batch));
    // The watcher waits for this promise: events meanwhile are coalesced into the next batch.
    return this.#background(() => this.#write(work));
  }

  #catchUp(cause: 'restart' | 'rescan'): Promise<ChangeOutcome> {
    return this.#apply(cause, () => catchUp(this.#parts, this.#o.maxFileBytes));
  }

  async #reindex(id: number): Promise<void> {
    if (this.#closed) return;
    await applyFileChanges(this.#parts, { upserted: [...this.#parts.table.paths()].filter((p) => this.#parts.router.owner(p) === id), removed: [] }, { force: true });
    this.#cache.clear();
    this.#events.emit({ type: 'partition.reindexed', partition: id, reason: 'corrupt snapshot' });
  }

  #checkOpen(): void {
    if (this.#closed) throw tesseraError('ERR_GRAPH_CLOSED', { root: this.root });
  }
}

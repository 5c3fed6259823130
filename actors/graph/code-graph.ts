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
import { resolveGraphOptions, type CodeGraphOptions } from './code-graph-options.js';
import { applyFileChanges, type FileChanges } from './graph-changes.js';
import { graphPath, impactOfFile, importersOf, importsOf, kDefaultImpactLimit, outlineOf } from './graph-file-queries.js';
import { GraphImports } from './graph-imports.js';
import { kDefaultMapTokens, repoMap } from './graph-map.js';
import { openGraphParts, type GraphParts } from './graph-open.js';
import { searchAll, searchQuery, type SearchOptions } from './graph-search.js';
import { buildGraphStats, type GraphStats } from './graph-stats.js';
import { completions, kDefaultCompletions, kDefaultHitLimit, symbolHits } from './graph-symbol-queries.js';
import { QueryCache, type CacheBasis } from './query-cache.js';
import type { Answer, QueryContext } from './query-context.js';
import type { QueryResult } from './query-result.js';
import type { ScanProblem } from './scan/index.js';

/** A live, partitioned code graph of one repository. */
export class CodeGraph {
  readonly #parts: GraphParts;
  readonly #ctx: QueryContext;
  readonly #cache: QueryCache<Answer>;
  readonly #latency = new Map<string, LatencyRecorder>();
  readonly #unsubscribe: () => void;
  #writes: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(parts: GraphParts) {
    this.#parts = parts;
    const { root, router, client, table, resolver, concurrency } = parts;
    this.#ctx = { root, router, client, table, resolver, concurrency, imports: new GraphImports() };
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
    return new CodeGraph(await openGraphParts(resolveGraphOptions(options)));
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
  async applyChanges(changes: FileChanges): Promise<void> {
    this.#checkOpen();
    return this.#write(() => applyFileChanges(this.#parts, changes));
  }

  /** Files, lines, partitions, cache and per-query latency. */
  stats(): GraphStats {
    return buildGraphStats(this.#parts, this.#cache, this.#latency);
  }

  /** Paths skipped or indexed with a problem (too large, binary, unreadable, syntax errors), by path. */
  problems(): ScanProblem[] {
    return [...this.#parts.problems.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Stops the workers and the parse pool and removes this graph's snapshots. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    // Let queued changes finish; their failures already went to their callers.
    await this.#writes;
    await Promise.allSettled([this.#parts.pool.close(), this.#parts.supervisor.stop()]);
    await this.#parts.session.remove();
  }

  /** Times a query and answers it from the cache when a current answer is there. */
  async #query(op: string, args: object, compute: () => Promise<Answer>): Promise<QueryResult> {
    this.#checkOpen();
    const started = performance.now();
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

  #write(work: () => Promise<void>): Promise<void> {
    const run = this.#writes.then(work, work);
    // The chain only orders the writes: each failure goes to the caller of that write.
    this.#writes = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  async #reindex(id: number): Promise<void> {
    if (this.#closed) return;
    await applyFileChanges(this.#parts, { upserted: [...this.#parts.table.paths()].filter((p) => this.#parts.router.owner(p) === id), removed: [] });
    this.#cache.clear();
  }

  #checkOpen(): void {
    if (this.#closed) throw tesseraError('ERR_GRAPH_CLOSED', { root: this.root });
  }
}

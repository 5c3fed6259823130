/**
 * What the daemon needs from a code graph, and nothing more: the daemon depends on this
 * interface, so it runs (and is tested) against any implementation — the real `CodeGraph`
 * through {@link ../service/code-graph-service.ts}, or a fake in tests.
 *
 * Every value crossing this interface is plain data, since it goes onto the socket as is.
 *
 * @module
 */

/** The query operations, in the order help texts list them. */
export const kQueryOps = ['def', 'refs', 'complete', 'search', 'outline', 'imports', 'importers', 'impact', 'map'] as const;

/** A query operation. */
export type QueryOp = (typeof kQueryOps)[number];

/** A validated query: the operation and its arguments (see `parseQueryRequest`). */
export type QueryRequest =
  | { readonly op: 'def' | 'refs'; readonly name: string; readonly limit?: number }
  | { readonly op: 'complete'; readonly prefix: string; readonly limit?: number }
  | {
      readonly op: 'search';
      readonly pattern: string;
      readonly mode?: 'literal' | 'regex';
      readonly ignoreCase?: boolean;
      readonly include?: readonly string[];
      readonly exclude?: readonly string[];
      readonly limit?: number;
    }
  | { readonly op: 'outline' | 'imports' | 'importers' | 'impact'; readonly file: string; readonly limit?: number }
  | { readonly op: 'map'; readonly tokens?: number; readonly limit?: number };

/**
 * One result. `file` is relative to the root with forward slashes; `line` is 1-based;
 * `column` is whatever the graph reports (0-based UTF-16 code units for the partition index).
 */
export interface QueryHit {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly name?: string;
  readonly kind?: string;
  readonly text?: string;
  /** What else the graph says about the result (e.g. `ranges` of a search match), plain data. */
  readonly [field: string]: unknown;
}

/** The answer to a query. */
export interface QueryAnswer {
  readonly results: readonly QueryHit[];
  /** Whether a limit cut the results short. */
  readonly truncated: boolean;
  /** Time the graph spent on the query, in milliseconds. */
  readonly took_ms: number;
  /** `map`: the map rendered as text. */
  readonly text?: string;
}

/** What a service reports for `tessera status` (plain data). */
export interface ServiceStats {
  readonly workers: { readonly total: number; readonly ready: number };
  readonly partitions: { readonly resident: number; readonly evicted: number };
  readonly memory: { readonly usedBytes: number; readonly budgetBytes: number; readonly pressure: string };
  readonly restarts: number;
  /** Share of queries served from a cache, 0..1, or null when the graph keeps no such count. */
  readonly cacheHitRate: number | null;
  /** Indexed files, or null when unknown. */
  readonly files: number | null;
  /** Live updates: how the graph started, batches of changes applied, directories watched (null: not watching). */
  readonly live: { readonly start: 'cold' | 'warm' | null; readonly updates: number | null; readonly watchedDirs: number | null; readonly rescans: number | null };
}

/** An event a service publishes on one of its topics (e.g. `runtime`). */
export type ServiceEventListener = (topic: string, data: unknown) => void;

/** First-index progress, as `CodeGraph.open` reports it. */
export interface IndexProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** The code graph as the daemon sees it. */
export interface QueryService {
  /** The event topics {@link QueryService.on} publishes. */
  readonly topics: readonly string[];
  /**
   * Runs one query.
   * @throws a coded error (e.g. ERR_GRAPH_*) for a query the graph cannot run
   */
  query(request: QueryRequest): Promise<QueryAnswer>;
  /** Delivers `msg` to actor `actor` (an address `kind/key`) and resolves with its reply. */
  send(actor: string, msg: unknown): Promise<unknown>;
  /** Passivates an actor, or every partition (`all`); resolves with the addresses asked. */
  evict(target: string): Promise<{ evicted: string[] }>;
  /** Resolves once every file change seen so far is applied. */
  sync(): Promise<void>;
  /** Per-partition or per-worker rows (plain data). */
  list(what: 'partitions' | 'workers'): readonly Record<string, unknown>[];
  /** Changes the memory budget (bytes) and evicts down to it. */
  setBudget(bytes: number): Promise<{ budgetBytes: number }>;
  /** The current figures for status and metrics. */
  stats(): ServiceStats;
  /** Subscribes to events; @returns the unsubscribe function */
  on(listener: ServiceEventListener): () => void;
  /** Stops the graph, flushing its snapshots. */
  close(): Promise<void>;
}

/** Opens a service over `root`; `onProgress` is called during the first index. */
export type OpenQueryService = (options: {
  readonly root: string;
  readonly workers?: number;
  readonly memoryBudgetBytes?: number;
  readonly watch: boolean;
  /** Keep the index in the per-user cache between runs (warm starts). */
  readonly persist: boolean;
  readonly onProgress: (progress: IndexProgress) => void;
  /** What deserves a log line (a store discarded, a watcher rescan). */
  readonly onNotice?: (notice: { readonly code: string; readonly message: string }) => void;
}) => Promise<QueryService>;

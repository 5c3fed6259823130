/**
 * What the query functions of the graph layer share: routing, the partition client, the file
 * table and cross-partition imports. Each query returns an {@link Answer}; `CodeGraph` adds
 * timing and caching around it.
 *
 * @module
 */

import type { StoredDefs } from './stored-defs.js';
import type { WideDefs } from './wide-defs.js';
import type { ColdSearch } from './cold-search.js';
import type { FileTable } from './file-table.js';
import type { GraphImports } from './graph-imports.js';
import type { GraphRouter } from './graph-router.js';
import type { ImportResolver } from './index/index.js';
import type { PartitionClient } from './partition-client.js';
import type { CacheBasis } from './query-cache.js';
import type { QueryRow } from './query-result.js';

/** Shared state of the query functions. */
export interface QueryContext {
  readonly root: string;
  readonly router: GraphRouter;
  readonly client: PartitionClient;
  readonly table: FileTable;
  readonly imports: GraphImports;
  readonly resolver: ImportResolver;
  /** Most partition asks in flight for one query. */
  readonly concurrency: number;
  /** Searches evicted partitions from their files (absent: every partition is asked). */
  readonly cold?: ColdSearch;
  /** Answers `def` from evicted partitions' stored def tables (absent: every partition is asked). */
  readonly storedDefs?: StoredDefs;
  /** Answers `def` for names defined in many partitions from one table (absent: never). */
  readonly wideDefs?: WideDefs;
}

/** A query's answer before timing. */
export interface Answer {
  readonly results: QueryRow[];
  readonly truncated: boolean;
  readonly text?: string;
  /** What a cached copy depends on; absent: the whole graph (the router's stamp at the start). */
  readonly basis?: CacheBasis;
}

/**
 * Checks a result limit.
 * @throws RangeError unless it is an integer >= 0
 */
export function checkLimit(op: string, limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`Cannot run ${op}: limit must be an integer >= 0: current value is ${limit}`);
}

/**
 * Checks a string argument.
 * @throws TypeError unless it is a string
 */
export function checkString(op: string, what: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`Cannot run ${op}: ${what} must be a string: current value is ${String(value)}`);
}

import type { LatencyRecorder } from '../../runtime/index.js';
import type { GraphParts } from './graph-open.js';
import { partitionMembers } from './partition-sizes.js';
import type { QueryCache } from './query-cache.js';
import type { TreeWatcherStats } from './watch/index.js';
import type { WideDefsStats } from './wide-defs.js';

/** Latency of one query operation, through `CodeGraph` (cache hits included). */
export interface OpLatency {
  count: number;
  p50_ms: number;
  p99_ms: number;
}

/** What `CodeGraph.stats()` reports. */
export interface GraphStats {
  root: string;
  files: number;
  lines: number;
  bytes: number;
  /** Time `open` took (scan, parse, index), in milliseconds. */
  index_ms: number;
  /** Paths skipped or indexed with a problem. */
  problems: number;
  /**
   * `resident`: active in a worker; `evicted`: on disk (or never activated); `defsFromDisk`:
   * partitions' `def` answers read from their stored def tables, without loading them.
   */
  partitions: { total: number; resident: number; evicted: number; defsFromDisk: number };
  cache: { hits: number; misses: number; entries: number };
  /** Per query operation that ran at least once. */
  queries: Record<string, OpLatency>;
  /** Memory counted against the budget (workers' heaps or the process's RSS, the larger), and the main thread's routing data (filters, name counts, completion table). */
  memory: { usedBytes: number; budgetBytes: number; filterBytes: number };
  /** `warm`: loaded from the store (files changed meanwhile re-read); `cold`: indexed afresh. */
  start: 'cold' | 'warm';
  /** The persistent store's directory, or `null` when snapshots live in a temporary session. */
  store: string | null;
  /** Batches of changes applied since open (saves, catch-ups, rescans, calls). */
  updates: number;
  /** The watcher's counters, or `null` when the graph does not watch the tree. */
  watch: TreeWatcherStats | null;
  /** The table of names defined in many partitions (wide-defs.ts): names, file bytes, last build's time, answers. */
  wideDefs: WideDefsStats;
}

/** The part of {@link GraphStats} that {@link buildGraphStats} assembles. */
export type CoreGraphStats = Omit<GraphStats, 'start' | 'store' | 'updates' | 'watch' | 'wideDefs'>;

/**
 * Assembles the stats of an open graph.
 * @param parts - the graph's parts
 * @param cache - its query cache
 * @param latency - recorders by operation
 * @param defsFromDisk - `def` answers read from evicted partitions' def tables
 * @returns a plain snapshot of the numbers
 */
export function buildGraphStats(parts: GraphParts, cache: QueryCache<unknown>, latency: ReadonlyMap<string, LatencyRecorder>, defsFromDisk: number): CoreGraphStats {
  const sup = parts.supervisor.stats();
  const total = parts.router.count;
  const resident = Math.min(total, sup.actors.active + sup.actors.activating);
  const queries: Record<string, OpLatency> = {};
  for (const [op, rec] of [...latency].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    queries[op] = { count: rec.count, p50_ms: round(rec.quantile(0.5)), p99_ms: round(rec.quantile(0.99)) };
  }
  return {
    root: parts.root,
    files: parts.table.size,
    lines: parts.table.lines,
    bytes: parts.table.bytes,
    index_ms: Math.round(parts.indexMs),
    problems: parts.problems.size,
    partitions: { total, resident, evicted: total - resident, defsFromDisk },
    cache: { hits: cache.hits, misses: cache.misses, entries: cache.size },
    queries,
    memory: { usedBytes: sup.memory.usedBytes, budgetBytes: sup.memory.budgetBytes, filterBytes: parts.router.filterBytes },
  };
}

/** One partition in `CodeGraph.partitions()`. */
export interface PartitionRow {
  id: number;
  address: string;
  /** First path of its range ('' for the first partition). */
  start: string;
  files: number;
  /** Bytes of source it indexes. */
  bytes: number;
  version: number;
  /** `resident` (active in a worker), `activating`, or `evicted` (on disk, or never activated). */
  state: 'resident' | 'activating' | 'evicted';
  worker: number | null;
  /** The index's estimated size in its worker (0 when evicted). */
  indexBytes: number;
}

/**
 * Lists the partitions in path order with their files, versions and where they live.
 * @param parts - the graph's parts
 * @returns one row per partition
 */
export function partitionRows(parts: GraphParts): PartitionRow[] {
  const { router } = parts;
  const members = partitionMembers(parts.table, router);
  const actors = new Map(parts.supervisor.actors().map((a) => [a.address, a]));
  const starts = router.plan.starts;
  return router.all().map((id, i) => {
    const address = router.address(id);
    const actor = actors.get(address);
    const state = actor?.state === 'active' ? 'resident' : actor?.state === 'activating' ? 'activating' : 'evicted';
    return { id, address, start: starts[i]!, files: members.get(id)?.paths.length ?? 0, bytes: members.get(id)?.bytes ?? 0, version: router.version(id), state, worker: actor?.worker ?? null, indexBytes: actor?.bytes ?? 0 };
  });
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * Routing on the main thread: which partitions a query must ask. It keeps the partition plan
 * (contiguous path ranges, so `partitionOf` names the owner of any path) and, per partition, a
 * Bloom filter of its symbol names and the index version last seen. `def` and `refs` ask only
 * partitions whose filter may hold the name, evicted ones included (the ask re-activates them).
 *
 * It also keeps each partition's name counts, from which `complete` is answered without asking
 * every partition (see completion-table.ts; the table is rebuilt on first use after a change).
 *
 * `stamp` changes whenever a version or a filter does: a cached answer that read the whole
 * graph is current while the stamp is unchanged.
 *
 * @module
 */

import { CompletionTable, type PartitionCounts } from './completion-table.js';
import { NameFilter, type NameFilterData } from './partition/index.js';
import { partitionOf, type PartitionPlan } from './scan/index.js';

/** Routes queries over a fixed partition plan. */
export class GraphRouter {
  readonly #plan: PartitionPlan;
  /** `null` until the partition's summary arrives: ask it for everything. */
  readonly #filters: (NameFilter | null)[];
  readonly #versions: number[];
  /** `null` until the partition's summary (with counts) arrives. */
  readonly #counts: (PartitionCounts | null)[];
  #table: CompletionTable | null = null;
  #countBytes = 0;
  #stamp = 0;

  /** @param plan - from `partitionTree`; its ranges never change afterwards */
  constructor(plan: PartitionPlan) {
    this.#plan = plan;
    this.#filters = plan.partitions.map(() => null);
    this.#versions = plan.partitions.map(() => 0);
    this.#counts = plan.partitions.map(() => null);
  }

  /** Number of partitions. */
  get count(): number {
    return this.#plan.partitions.length;
  }

  /** Changes on every version or filter change (never repeats). */
  get stamp(): number {
    return this.#stamp;
  }

  /** The runtime address of a partition actor. */
  address(id: number): string {
    return `partition/${id}`;
  }

  /** The partition that holds (or would hold) a root-relative path. */
  owner(path: string): number {
    return partitionOf(this.#plan, path);
  }

  /** Every partition id, in path order. */
  all(): number[] {
    return this.#plan.partitions.map((p) => p.id);
  }

  /** Partitions, in path order, whose names may include `name`. */
  mayHold(name: string): number[] {
    const out: number[] = [];
    this.#filters.forEach((f, id) => {
      if (f === null || f.mayContain(name)) out.push(id);
    });
    return out;
  }

  /** The index version last seen from a partition. */
  version(id: number): number {
    return this.#versions[id]!;
  }

  /**
   * Records a version seen in a reply.
   * @returns whether it differs from the one known (the partition changed, or was reset)
   */
  observe(id: number, version: number): boolean {
    if (this.#versions[id] === version) return false;
    this.#versions[id] = version;
    this.#stamp++;
    return true;
  }

  /**
   * Replaces a partition's name filter (`null`: unknown, ask it for every name) and its name
   * counts (absent or `null`: unknown, so `complete` asks every partition until it is known).
   */
  setSummary(id: number, filter: NameFilterData | null, counts: PartitionCounts | null = null): void {
    this.#filters[id] = filter === null ? null : new NameFilter(filter);
    const old = this.#counts[id];
    if (old !== null && old !== undefined) this.#countBytes -= countsBytes(old);
    this.#counts[id] = counts;
    if (counts !== null) this.#countBytes += countsBytes(counts);
    this.#table = null;
    this.#stamp++;
  }

  /** The graph's names with their counts, or `null` while a partition's counts are unknown. */
  completionTable(): CompletionTable | null {
    if (this.#table !== null) return this.#table;
    if (this.#counts.some((c) => c === null)) return null;
    this.#table = CompletionTable.build(this.#counts as PartitionCounts[]);
    return this.#table;
  }

  /** Bytes held by the name filters and the name counts (rough, for the counts). */
  get filterBytes(): number {
    return this.#filters.reduce((n, f) => n + (f?.bytes ?? 0), 0) + this.#countBytes + (this.#table?.bytes ?? 0);
  }
}

/** Rough bytes of one partition's counts: the names' characters, string headers, two numbers each. */
function countsBytes(c: PartitionCounts): number {
  let chars = 0;
  for (const n of c.names) chars += n.length;
  return 2 * chars + c.names.length * (16 + 8 + 8 + 8);
}

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
import { mergePlan, nextPartitionId, partitionOf, planIds, splitPlan, type PartitionPlan } from './scan/index.js';

/** Routes queries over a partition plan (edited when partitions split or merge). */
export class GraphRouter {
  #plan: PartitionPlan;
  /** Partition ids in path order. */
  #ids: number[];
  /** By id; `null` until the partition's summary arrives: ask it for everything. */
  readonly #filters: (NameFilter | null)[] = [];
  readonly #versions: number[] = [];
  /** By id; `null` until the partition's summary (with counts) arrives. */
  readonly #counts: (PartitionCounts | null)[] = [];
  /** Ids of merged partitions (never reused). */
  readonly #retired = new Set<number>();
  #table: CompletionTable | null = null;
  #countBytes = 0;
  #stamp = 0;

  /** @param plan - from `partitionTree` (or a stored one) */
  constructor(plan: PartitionPlan) {
    this.#plan = plan;
    this.#ids = planIds(plan);
    for (const id of this.#ids) this.#add(id);
  }

  /** The partition plan (plain data). */
  get plan(): PartitionPlan {
    return this.#plan;
  }

  /** A partition's name filter and counts as data (`null` where unknown), for a manifest. */
  summaryOf(id: number): { filter: NameFilterData | null; counts: PartitionCounts | null } {
    return { filter: this.#filters[id]?.toData() ?? null, counts: this.#counts[id] ?? null };
  }

  /** Number of partitions. */
  get count(): number {
    return this.#ids.length;
  }

  /**
   * Splits partition `id` at path key `at` into a new partition (see `splitPlan`).
   * @returns the new partition's id; its summary is unknown until set
   */
  split(id: number, at: string): number {
    const newId = nextPartitionId(this.#plan, this.#retired);
    this.#replacePlan(splitPlan(this.#plan, id, at, newId));
    this.#add(newId);
    return newId;
  }

  /**
   * Removes partition `id`: its range joins the partition before it (see `mergePlan`).
   * @returns the id of the partition that takes the range
   */
  merge(id: number): number {
    const { plan, into } = mergePlan(this.#plan, id);
    this.#replacePlan(plan);
    this.#retired.add(id);
    this.setSummary(id, null, null);
    return into;
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
    return [...this.#ids];
  }

  /** Partitions, in path order, whose names may include `name`. */
  mayHold(name: string): number[] {
    return this.#ids.filter((id) => {
      const f = this.#filters[id]!;
      return f === null || f.mayContain(name);
    });
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

  /** The completion table if it is built and current, without building it. */
  builtCompletionTable(): CompletionTable | null {
    return this.#table;
  }

  /** The graph's names with their counts, or `null` while a partition's counts are unknown. */
  completionTable(): CompletionTable | null {
    if (this.#table !== null) return this.#table;
    const counts: PartitionCounts[] = [];
    for (const id of this.#ids) {
      const c = this.#counts[id];
      if (c === null || c === undefined) return null;
      counts.push(c);
    }
    this.#table = CompletionTable.build(counts, this.#ids);
    return this.#table;
  }

  /** Ids of partitions merged away, ascending. */
  retired(): number[] {
    return [...this.#retired].sort((a, b) => a - b);
  }

  /** Records ids merged away before (a stored graph's), so they are not reused. */
  retire(ids: readonly number[]): void {
    for (const id of ids) this.#retired.add(id);
  }

  #add(id: number): void {
    this.#filters[id] = null;
    this.#versions[id] = 0;
    this.#counts[id] = null;
  }

  #replacePlan(plan: PartitionPlan): void {
    this.#plan = plan;
    this.#ids = planIds(plan);
    this.#table = null;
    this.#stamp++;
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

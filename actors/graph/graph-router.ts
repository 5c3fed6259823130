/**
 * Routing on the main thread: which partitions a query must ask. It keeps the partition plan
 * (contiguous path ranges, so `partitionOf` names the owner of any path) and, per partition, a
 * Bloom filter of its symbol names and the index version last seen. `def` and `refs` ask only
 * partitions whose filter may hold the name, evicted ones included (the ask re-activates them).
 *
 * Searches ask only partitions whose Bloom filter of content trigrams may satisfy the pattern's
 * trigram condition (index/search.ts's `searchCondition`): on a large tree with most partitions
 * evicted, a selective search then loads one or two partitions instead of every one.
 *
 * It also keeps each partition's name counts, from which `complete` is answered without asking
 * every partition (see completion-table.ts; the table is rebuilt on first use after a change).
 *
 * `stamp` changes whenever a version or a filter does: a cached answer that read the whole
 * graph is current while the stamp is unchanged.
 *
 * @module
 */

import { CompletionTable } from './completion-table.js';
import { countsBytes, NameFilter, type NameFilterData, type PartitionCounts } from './partition/index.js';
import { mayMatch, trigramKey, type TrigramQuery } from './index/index.js';
import { mergePlan, nextPartitionId, partitionOf, planIds, splitPlan, type PartitionPlan } from './scan/index.js';

/** Routes queries over a partition plan (edited when partitions split or merge). */
export class GraphRouter {
  #plan: PartitionPlan;
  /** Partition ids in path order. */
  #ids: number[];
  /** By id; `null` until the partition's summary arrives: ask it for everything. */
  readonly #filters: (NameFilter | null)[] = [];
  /** Trigram filters by id; `null` until known: search asks it. */
  readonly #trigrams: (NameFilter | null)[] = [];
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

  /** A partition's filters and counts as data (`null` where unknown), for a manifest. */
  summaryOf(id: number): { filter: NameFilterData | null; counts: PartitionCounts | null; trigrams: NameFilterData | null } {
    return { filter: this.#filters[id]?.toData() ?? null, counts: this.#counts[id] ?? null, trigrams: this.#trigrams[id]?.toData() ?? null };
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

  /** Partitions, in path order, whose content may satisfy a search's trigram condition. */
  maySearch(condition: TrigramQuery): number[] {
    if (condition.op === 'all') return this.all();
    const keys = new Map<number, string>();
    const key = (t: number): string => keys.get(t) ?? keys.set(t, trigramKey(t)).get(t)!;
    return this.#ids.filter((id) => {
      const f = this.#trigrams[id]!;
      return f === null || mayMatch(condition, (t) => f.mayContain(key(t)));
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
   * counts (absent or `null`: unknown, so `complete` asks every partition until it is known)
   * and its trigram filter (absent or `null`: unknown, so every search asks it).
   */
  setSummary(id: number, filter: NameFilterData | null, counts: PartitionCounts | null = null, trigrams: NameFilterData | null = null): void {
    this.#filters[id] = filter === null ? null : new NameFilter(filter);
    this.#trigrams[id] = trigrams === null ? null : new NameFilter(trigrams);
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
    this.#trigrams[id] = null;
    this.#versions[id] = 0;
    this.#counts[id] = null;
  }

  #replacePlan(plan: PartitionPlan): void {
    this.#plan = plan;
    this.#ids = planIds(plan);
    this.#table = null;
    this.#stamp++;
  }

  /** Bytes held by the name and trigram filters, the name counts and the completion table. */
  get filterBytes(): number {
    const filters = [...this.#filters, ...this.#trigrams].reduce((n, f) => n + (f?.bytes ?? 0), 0);
    return filters + this.#countBytes + (this.#table?.bytes ?? 0);
  }
}

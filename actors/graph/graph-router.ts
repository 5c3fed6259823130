/**
 * Routing on the main thread: which partitions a query must ask. It keeps the partition plan
 * (contiguous path ranges, so `partitionOf` names the owner of any path) and, per partition, a
 * Bloom filter of its symbol names and the index version last seen. `def` and `refs` ask only
 * partitions whose filter may hold the name, evicted ones included (the ask re-activates them).
 *
 * `stamp` changes whenever a version or a filter does: a cached answer that read the whole
 * graph is current while the stamp is unchanged.
 *
 * @module
 */

import { NameFilter, type NameFilterData } from './partition/index.js';
import { partitionOf, type PartitionPlan } from './scan/index.js';

/** Routes queries over a fixed partition plan. */
export class GraphRouter {
  readonly #plan: PartitionPlan;
  /** `null` until the partition's summary arrives: ask it for everything. */
  readonly #filters: (NameFilter | null)[];
  readonly #versions: number[];
  #stamp = 0;

  /** @param plan - from `partitionTree`; its ranges never change afterwards */
  constructor(plan: PartitionPlan) {
    this.#plan = plan;
    this.#filters = plan.partitions.map(() => null);
    this.#versions = plan.partitions.map(() => 0);
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

  /** Replaces a partition's name filter (`null`: unknown, ask it for every name). */
  setSummary(id: number, filter: NameFilterData | null): void {
    this.#filters[id] = filter === null ? null : new NameFilter(filter);
    this.#stamp++;
  }

  /** Bytes held by the name filters. */
  get filterBytes(): number {
    return this.#filters.reduce((n, f) => n + (f?.bytes ?? 0), 0);
  }
}

/**
 * `def` read from partitions' stored snapshots: each one's def table (index/def-table.ts)
 * answers a name with one read of about a page, on the caller's thread (8–16 µs from the page
 * cache; a trip to the disk when the page has left it).
 * For an evicted partition that replaces loading it (tens of milliseconds on the kernel, and
 * under memory pressure it first evicts another): it stays evicted, so a burst of `def`s over a
 * large tree does not churn memory. For one in memory it replaces a round trip to its worker
 * (120–140 µs at p50, milliseconds when the threads wait for a core).
 *
 * Used only when the runtime vouches that the stored snapshot holds the partition's latest
 * state and the table's version is the one the graph last saw; otherwise (and when a bucket's
 * checksum fails) the partition is asked as before, which loads and verifies the whole file.
 *
 * @module
 */

import type { RangeReader } from '../../runtime/index.js';
import type { GraphRouter } from './graph-router.js';
import { lookupDefTable, type DefHit, type HitPage } from './index/index.js';
import { defTableOfBulk, type PartitionReply } from './partition/index.js';

/** Reads an actor's stored bulk when it is current (`Supervisor.readStoredBulk`). */
export type StoredBulkReader = <T>(address: string, read: (bulk: RangeReader) => T) => T | undefined;

/** Answers `def` from partitions' stored def tables. */
export class StoredDefs {
  readonly #router: GraphRouter;
  readonly #readStored: StoredBulkReader;
  #answered = 0;

  constructor(router: GraphRouter, readStored: StoredBulkReader) {
    this.#router = router;
    this.#readStored = readStored;
  }

  /** Def answers read from disk so far. */
  get answered(): number {
    return this.#answered;
  }

  /**
   * Partition `id`'s answer to `def name`, from its stored def table.
   * @returns the reply, or `null` when the partition must be asked (its stored table is not
   *   current or not readable)
   */
  defs(id: number, name: string, limit: number): PartitionReply<HitPage<DefHit>> | null {
    const version = this.#router.version(id);
    const page = this.#readStored(this.#router.address(id), (bulk) => {
      const table = defTableOfBulk(bulk);
      return table === null ? null : lookupDefTable(table, name, limit, version);
    });
    if (page === undefined || page === null) return null;
    this.#answered++;
    return { version, value: page };
  }
}

/**
 * Search over partitions that are not in memory. Loading an evicted partition to search it
 * reads, moves and decodes its whole index (tens of milliseconds each on the kernel, and under
 * memory pressure it first evicts another), while a selective search needs only its text. So a
 * partition the trigram filters chose but that is evicted is searched from its files on disk,
 * on a parse thread, exactly as its own index would verify them (same matchers, globs, order
 * and limit; see index/search.ts `searchTexts`). A file whose size or modification time differs
 * from what the graph recorded may not be what the partition indexed: then the partition is
 * asked as before. Only while memory is short: with room, loading a partition once is cheaper
 * than reading its files for every search (on 1/8 of the kernel, search p50 went from 3.3 to
 * 12.3 ms when evicted partitions were always read from disk).
 *
 * @module
 */

import type { FileTable } from './file-table.js';
import type { GraphRouter } from './graph-router.js';
import type { SearchQuery, SearchResult } from './index/index.js';
import type { ParsePool } from './parse/index.js';
import { partitionMembers } from './partition-sizes.js';

/** What a cold search reads. */
export interface ColdSearchParts {
  readonly root: string;
  readonly router: GraphRouter;
  readonly table: FileTable;
  readonly pool: ParsePool;
  /** Addresses of the actors now active or activating. */
  readonly residentAddresses: () => ReadonlySet<string>;
  /** Whether memory has room to load a partition without evicting another (pressure normal). */
  readonly roomToLoad: () => boolean;
}

/** Searches evicted partitions from their files. */
export class ColdSearch {
  readonly #parts: ColdSearchParts;
  /** Each partition's paths in path order, for one plan and one version of the file table. */
  #members: { plan: unknown; version: number; byId: Map<number, string[]> } | null = null;

  constructor(parts: ColdSearchParts) {
    this.#parts = parts;
  }

  /**
   * The partitions among `ids` to search from their files: those evicted now, while memory is
   * short. With room to spare an evicted partition is loaded instead: it then stays, and the
   * next searches use its index (reading the files again each time costs more when it fits).
   */
  evicted(ids: readonly number[]): Set<number> {
    if (this.#parts.roomToLoad()) return new Set();
    const resident = this.#parts.residentAddresses();
    return new Set(ids.filter((id) => !resident.has(this.#parts.router.address(id))));
  }

  /**
   * Partition `id`'s answer to `query`, from its files.
   * @returns the answer, or `null` when a file changed since it was indexed (ask the partition)
   */
  async search(id: number, query: SearchQuery): Promise<SearchResult | null> {
    const { root, table, pool } = this.#parts;
    const files: { path: string; bytes: number; mtimeMs: number }[] = [];
    for (const path of this.#paths(id)) {
      const entry = table.get(path);
      if (entry?.mtimeMs === undefined) return null;
      files.push({ path, bytes: entry.bytes, mtimeMs: entry.mtimeMs });
    }
    const answer = await pool.scanFiles({ root, files, query });
    return 'result' in answer ? answer.result : null;
  }

  #paths(id: number): readonly string[] {
    const { router, table } = this.#parts;
    if (this.#members?.plan !== router.plan || this.#members.version !== table.version) {
      const byId = new Map<number, string[]>();
      for (const [pid, m] of partitionMembers(table, router)) byId.set(pid, m.paths.sort()); // UTF-16 order, as the index sorts paths
      this.#members = { plan: router.plan, version: table.version, byId };
    }
    return this.#members.byId.get(id) ?? [];
  }
}

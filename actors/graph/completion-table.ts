/**
 * `complete PREFIX` answered on the main thread: every distinct live symbol name of the graph
 * with its definition and reference counts summed over partitions, and the first partition (in
 * path order) that defines it and that uses it. Built from the per-partition name counts each
 * partition's summary carries (refreshed whenever a partition's version changes), so the
 * ranking needs no partition at all; only the location of each of the top names is asked, of
 * the one partition that holds it (`def NAME` or `refs NAME` with limit 1).
 *
 *   names      sorted as a segment's symbol table (lower-cased, then raw): a prefix is one run
 *              (a NameColumn: one string and offsets, not a string object per name)
 *   defs/refs  summed counts            defIds/refIds  partitions per name, in path order (CSR)
 *                                       defCounts      definitions in each of those partitions
 *                                                      (16 bits, saturating), so `def` can ask
 *                                                      exactly the partitions its limit needs
 *
 * The ranking is the partition's (see index/complete.ts): exact-case prefix first, then more
 * definitions plus references, then shorter (UTF-8 bytes), then symbol-table order. Counts are
 * exact over the whole graph (fanning out summed each partition's local top list only).
 *
 * @module
 */

import { GrowableU32 } from './index/index.js';
import { mergeCounts } from './counts-merge.js';
import type { NameColumn} from './name-column.js';
import { NameColumnBuilder } from './name-column.js';
import type { PartitionCounts } from './partition/index.js';

/** One ranked completion, with the partition that holds its location. */
export interface TableCompletion {
  readonly name: string;
  readonly defs: number;
  readonly refs: number;
  /** Partition of its first definition, or (with none) of its first use. */
  readonly partition: number;
}

/** Locations kept per table. */
const kMaxLocations = 20_000;

/** Where a name is first defined (or used), as read from its partition at `version`. */
export interface CachedLocation {
  readonly version: number;
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** The graph's names with their counts (immutable once built). */
export class CompletionTable {
  readonly #names: NameColumn;
  readonly #folded: NameColumn;
  readonly #defs: Uint32Array;
  readonly #refs: Uint32Array;
  /** Partitions (path order) with definitions of name `i`: `#defIds[#defAt[i] .. #defAt[i + 1])`. */
  readonly #defAt: Uint32Array;
  readonly #defIds: Int32Array;
  /** Definitions of name `i` in partition `#defIds[k]`, at `#defCounts[k]` (saturating at 65,535). */
  readonly #defCounts: Uint16Array;
  /** Partitions (path order) with references to name `i`, the same way. */
  readonly #refAt: Uint32Array;
  readonly #refIds: Int32Array;
  /** Bytes held (names and arrays). */
  readonly bytes: number;
  /**
   * Locations already asked, by name, with the version of the partition they were read at (a
   * new table, after any summary change, starts empty). Bounded: cleared when full.
   */
  readonly #locations = new Map<string, CachedLocation>();

  private constructor(names: NameColumn, counts: { defs: Uint32Array; refs: Uint32Array }, lists: Lists) {
    this.#names = names;
    this.#folded = names.toLowerCase();
    this.#defs = counts.defs;
    this.#refs = counts.refs;
    this.#defAt = lists.defAt;
    this.#defIds = lists.defIds;
    this.#defCounts = lists.defCounts;
    this.#refAt = lists.refAt;
    this.#refIds = lists.refIds;
    const arrays = [counts.defs, counts.refs, lists.defAt, lists.defIds, lists.defCounts, lists.refAt, lists.refIds].reduce((n, a) => n + a.byteLength, 0);
    this.bytes = names.bytes + (this.#folded === names ? 0 : this.#folded.bytes) + arrays;
  }

  /**
   * The partitions, in path order, that define (`def`) or reference (`refs`) exactly `name`:
   * exact routing, where the name filters only rule partitions out (and count a partition that
   * merely references a name as one that may define it).
   */
  partitionsWith(name: string, op: 'def' | 'refs'): number[] {
    const i = this.#indexOf(name);
    if (i < 0) return [];
    const [at, ids] = op === 'def' ? [this.#defAt, this.#defIds] : [this.#refAt, this.#refIds];
    return Array.from(ids.subarray(at[i], at[i + 1]));
  }

  /**
   * The partitions, in path order, that define exactly `name`, with how many definitions each
   * holds (as the summaries said; at most 65,535 each).
   */
  definersOf(name: string): { ids: number[]; counts: number[] } {
    const i = this.#indexOf(name);
    if (i < 0) return { ids: [], counts: [] };
    const from = this.#defAt[i]!;
    const to = this.#defAt[i + 1]!;
    return { ids: Array.from(this.#defIds.subarray(from, to)), counts: Array.from(this.#defCounts.subarray(from, to)) };
  }

  /**
   * The names defined in at least `minPartitions` partitions, in table order, with those
   * partitions (path order) and their counts, as {@link definersOf} gives them.
   */
  *widelyDefined(minPartitions: number): Generator<{ name: string; ids: Int32Array; counts: Uint16Array }> {
    for (let i = 0; i < this.size; i++) {
      const from = this.#defAt[i]!;
      const to = this.#defAt[i + 1]!;
      if (to - from >= minPartitions) yield { name: this.#names.get(i), ids: this.#defIds.subarray(from, to), counts: this.#defCounts.subarray(from, to) };
    }
  }

  /** How many definitions (`def`) or references (`refs`) of exactly `name` the graph holds. */
  count(name: string, op: 'def' | 'refs'): number {
    const i = this.#indexOf(name);
    return i < 0 ? 0 : (op === 'def' ? this.#defs : this.#refs)[i]!;
  }

  #indexOf(name: string): number {
    const f = name.toLowerCase();
    for (let i = this.#firstFoldedAtLeast(f); i < this.size && this.#folded.equals(i, f); i++) if (this.#names.equals(i, name)) return i;
    return -1;
  }

  /** The first index whose folded name is not before `f` (binary search). */
  #firstFoldedAtLeast(f: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#folded.get(mid) >= f) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * Merges partitions' counts (see counts-merge.ts): one pass, typed arrays throughout, names
   * appended to a column as they come out in order.
   * @param parts - in path order, each sorted in symbol-table order
   * @param ids - the partition id of each of `parts` (default: its index)
   * @throws Error when a partition's counts are not in symbol-table order
   */
  static build(parts: readonly PartitionCounts[], ids?: readonly number[]): CompletionTable {
    const names = new NameColumnBuilder();
    const defs = new GrowableU32();
    const refs = new GrowableU32();
    const defAt = new GrowableU32();
    const defIds = new GrowableU32();
    const defCounts = new GrowableU32();
    const refAt = new GrowableU32();
    const refIds = new GrowableU32();
    let last: string | null = null;
    mergeCounts(parts, (name, part, i) => {
      const d = parts[part]!.defs[i]!;
      const r = parts[part]!.refs[i]!;
      if (d + r === 0) return;
      if (name !== last) {
        last = name;
        names.push(name);
        defs.push(0);
        refs.push(0);
        defAt.push(defIds.length);
        refAt.push(refIds.length);
      }
      const k = defs.length - 1;
      const id = ids?.[part] ?? part;
      defs.set(k, saturate(defs.get(k) + d));
      refs.set(k, saturate(refs.get(k) + r));
      if (d > 0) {
        defIds.push(id);
        defCounts.push(Math.min(d, 0xffff));
      }
      if (r > 0) refIds.push(id);
    });
    defAt.push(defIds.length);
    refAt.push(refIds.length);
    const signed = (g: GrowableU32): Int32Array => new Int32Array(g.toArray().buffer);
    return new CompletionTable(names.build(), { defs: defs.toArray(), refs: refs.toArray() }, { defAt: defAt.toArray(), defIds: signed(defIds), defCounts: Uint16Array.from(defCounts.toArray()), refAt: refAt.toArray(), refIds: signed(refIds) });
  }

  /** A location read before at `version` of its partition, if any. */
  location(name: string, version: number): CachedLocation | undefined {
    const at = this.#locations.get(name);
    return at !== undefined && at.version === version ? at : undefined;
  }

  /** Remembers a location read at `version` of the partition that holds it. */
  remember(name: string, at: CachedLocation): void {
    if (this.#locations.size >= kMaxLocations) this.#locations.clear();
    this.#locations.set(name, at);
  }

  /** Distinct names. */
  get size(): number {
    return this.#names.length;
  }

  /**
   * The best `limit` names starting with `prefix` (ignoring case), ranked.
   * @returns them, best first, and whether more names matched
   */
  top(prefix: string, limit: number): { top: TableCompletion[]; truncated: boolean } {
    const f = prefix.toLowerCase();
    const lo = this.#firstFoldedAtLeast(f);
    // Candidates kept sorted; ties keep table order (the last tie-break), so insertion is stable.
    const items: { i: number; exact: boolean; count: number; len: number }[] = [];
    let matched = 0;
    for (let i = lo; i < this.size && this.#folded.startsWith(i, f); i++) {
      matched++;
      if (limit === 0) continue;
      const exact = this.#names.startsWith(i, prefix);
      const count = this.#defs[i]! + this.#refs[i]!;
      const last = items.length === limit ? items[items.length - 1]! : null;
      if (last !== null && (last.exact !== exact ? last.exact : last.count !== count ? last.count > count : false)) continue;
      const c = { i, exact, count, len: Buffer.byteLength(this.#names.get(i)) };
      if (last !== null && compare(c, last) >= 0) continue;
      let k = items.length;
      while (k > 0 && compare(c, items[k - 1]!) < 0) k--;
      items.splice(k, 0, c);
      if (items.length > limit) items.pop();
    }
    const top = items.map(({ i }) => ({
      name: this.#names.get(i),
      defs: this.#defs[i]!,
      refs: this.#refs[i]!,
      // Lists are in path order: the first entry is the first partition.
      partition: this.#defs[i]! > 0 ? this.#defIds[this.#defAt[i]!]! : this.#refIds[this.#refAt[i]!]!,
    }));
    return { top, truncated: matched > limit };
  }
}

interface Lists {
  defAt: Uint32Array;
  defIds: Int32Array;
  defCounts: Uint16Array;
  refAt: Uint32Array;
  refIds: Int32Array;
}

const saturate = (n: number): number => Math.min(n, 0xffff_ffff);

function compare(a: { exact: boolean; count: number; len: number }, b: { exact: boolean; count: number; len: number }): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  if (a.count !== b.count) return b.count - a.count;
  return a.len - b.len;
}

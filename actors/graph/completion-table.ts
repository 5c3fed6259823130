/**
 * `complete PREFIX` answered on the main thread: every distinct live symbol name of the graph
 * with its definition and reference counts summed over partitions, and the first partition (in
 * path order) that defines it and that uses it. Built from the per-partition name counts each
 * partition's summary carries (refreshed whenever a partition's version changes), so the
 * ranking needs no partition at all; only the location of each of the top names is asked, of
 * the one partition that holds it (`def NAME` or `refs NAME` with limit 1).
 *
 *   names      sorted as a segment's symbol table (lower-cased, then raw): a prefix is one run
 *   defs/refs  summed counts            firstDef/firstRef  partition id, or -1
 *
 * The ranking is the partition's (see index/complete.ts): exact-case prefix first, then more
 * definitions plus references, then shorter (UTF-8 bytes), then symbol-table order. Counts are
 * exact over the whole graph (fanning out summed each partition's local top list only).
 *
 * @module
 */

import { compareFolded } from './index/symbol-order.js';

/** A partition's distinct live names with their live definition and reference counts. */
export interface PartitionCounts {
  readonly names: readonly string[];
  readonly defs: readonly number[];
  readonly refs: readonly number[];
}

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
  readonly #names: string[];
  readonly #folded: string[];
  readonly #defs: Float64Array;
  readonly #refs: Float64Array;
  readonly #firstDef: Int32Array;
  readonly #firstRef: Int32Array;
  /** Partitions (path order) with definitions of name `i`: `#defIds[#defAt[i] .. #defAt[i + 1])`. */
  readonly #defAt: Int32Array;
  readonly #defIds: Int32Array;
  /** Partitions (path order) with references to name `i`, the same way. */
  readonly #refAt: Int32Array;
  readonly #refIds: Int32Array;
  /** Rough bytes held (strings and arrays). */
  readonly bytes: number;
  /**
   * Locations already asked, by name, with the version of the partition they were read at (a
   * new table, after any summary change, starts empty). Bounded: cleared when full.
   */
  readonly #locations = new Map<string, CachedLocation>();

  private constructor(names: string[], folded: string[], counts: { defs: Float64Array; refs: Float64Array; firstDef: Int32Array; firstRef: Int32Array }, lists: { defAt: Int32Array; defIds: Int32Array; refAt: Int32Array; refIds: Int32Array }) {
    this.#names = names;
    this.#folded = folded;
    this.#defs = counts.defs;
    this.#refs = counts.refs;
    this.#firstDef = counts.firstDef;
    this.#firstRef = counts.firstRef;
    this.#defAt = lists.defAt;
    this.#defIds = lists.defIds;
    this.#refAt = lists.refAt;
    this.#refIds = lists.refIds;
    let chars = 0;
    for (const n of names) chars += n.length;
    this.bytes = 2 * chars + names.length * (2 * 16 + 2 * 8 + 2 * 4 + 2 * 8 + 2 * 4) + 4 * (lists.defIds.length + lists.refIds.length);
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

  #indexOf(name: string): number {
    const f = name.toLowerCase();
    const folded = this.#folded;
    for (let i = this.#firstFoldedAtLeast(f); i < folded.length && folded[i] === f; i++) if (this.#names[i] === name) return i;
    return -1;
  }

  /** The first index whose folded name is not before `f` (binary search). */
  #firstFoldedAtLeast(f: string): number {
    const folded = this.#folded;
    let lo = 0;
    let hi = folded.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (folded[mid]! >= f) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * Merges partitions' counts.
   * @param parts - in path order
   * @param ids - the partition id of each of `parts` (default: its index)
   */
  static build(parts: readonly PartitionCounts[], ids?: readonly number[]): CompletionTable {
    const at = new Map<string, number>();
    const names: string[] = [];
    const defs: number[] = [];
    const refs: number[] = [];
    const firstDef: number[] = [];
    const firstRef: number[] = [];
    const defLists: number[][] = [];
    const refLists: number[][] = [];
    parts.forEach((p, index) => {
      const id = ids?.[index] ?? index;
      for (let i = 0; i < p.names.length; i++) {
        const d = p.defs[i]!;
        const r = p.refs[i]!;
        if (d + r === 0) continue;
        const name = p.names[i]!;
        let k = at.get(name);
        if (k === undefined) {
          k = names.length;
          at.set(name, k);
          names.push(name);
          defs.push(0);
          refs.push(0);
          firstDef.push(-1);
          firstRef.push(-1);
          defLists.push([]);
          refLists.push([]);
        }
        if (d > 0) defLists[k]!.push(id);
        if (r > 0) refLists[k]!.push(id);
        defs[k]! += d;
        refs[k]! += r;
        if (d > 0 && firstDef[k]! < 0) firstDef[k] = id;
        if (r > 0 && firstRef[k]! < 0) firstRef[k] = id;
      }
    });
    const folded = names.map((n) => n.toLowerCase());
    const order = names.map((_, i) => i);
    order.sort((i, j) => compareFolded(folded[i]!, names[i]!, folded[j]!, names[j]!));
    return new CompletionTable(
      order.map((i) => names[i]!),
      order.map((i) => folded[i]!),
      {
        defs: Float64Array.from(order, (i) => defs[i]!),
        refs: Float64Array.from(order, (i) => refs[i]!),
        firstDef: Int32Array.from(order, (i) => firstDef[i]!),
        firstRef: Int32Array.from(order, (i) => firstRef[i]!),
      },
      { ...csr(order, defLists, 'def'), ...csr(order, refLists, 'ref') },
    );
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
    const folded = this.#folded;
    const lo = this.#firstFoldedAtLeast(f);
    // Candidates kept sorted; ties keep table order (the last tie-break), so insertion is stable.
    const items: { i: number; exact: boolean; count: number; len: number }[] = [];
    let matched = 0;
    for (let i = lo; i < folded.length && folded[i]!.startsWith(f); i++) {
      matched++;
      if (limit === 0) continue;
      const exact = this.#names[i]!.startsWith(prefix);
      const count = this.#defs[i]! + this.#refs[i]!;
      const last = items.length === limit ? items[items.length - 1]! : null;
      if (last !== null && (last.exact !== exact ? last.exact : last.count !== count ? last.count > count : false)) continue;
      const c = { i, exact, count, len: Buffer.byteLength(this.#names[i]!) };
      if (last !== null && compare(c, last) >= 0) continue;
      let k = items.length;
      while (k > 0 && compare(c, items[k - 1]!) < 0) k--;
      items.splice(k, 0, c);
      if (items.length > limit) items.pop();
    }
    const top = items.map(({ i }) => ({
      name: this.#names[i]!,
      defs: this.#defs[i]!,
      refs: this.#refs[i]!,
      partition: this.#defs[i]! > 0 ? this.#firstDef[i]! : this.#firstRef[i]!,
    }));
    return { top, truncated: matched > limit };
  }
}

/** Per-name lists of partition ids, in table order, as offsets and one flat array. */
function csr<K extends 'def' | 'ref'>(order: readonly number[], lists: readonly number[][], key: K): Record<`${K}At` | `${K}Ids`, Int32Array> {
  const at = new Int32Array(order.length + 1);
  let n = 0;
  order.forEach((i, k) => {
    at[k] = n;
    n += lists[i]!.length;
  });
  at[order.length] = n;
  const ids = new Int32Array(n);
  order.forEach((i, k) => ids.set(lists[i]!, at[k]));
  return { [`${key}At`]: at, [`${key}Ids`]: ids } as Record<`${K}At` | `${K}Ids`, Int32Array>;
}

function compare(a: { exact: boolean; count: number; len: number }, b: { exact: boolean; count: number; len: number }): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  if (a.count !== b.count) return b.count - a.count;
  return a.len - b.len;
}

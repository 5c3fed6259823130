/**
 * A partition's distinct live names with their definition and reference counts, packed: the
 * names as one string (each followed by NUL) and the counts as two `Uint32Array`s. The main
 * thread keeps one of these per partition (to rebuild the completion table after a change),
 * so their size is what bounds its memory on a large tree: measured on the Linux kernel (296
 * partitions), the earlier form (an array of strings and two arrays of numbers per partition)
 * held about 450 MB; packed, a name costs its characters plus 9 bytes.
 *
 * @module
 */

import { compareFolded } from '../index/index.js';

/** Packed counts (plain data: it crosses threads and goes into the manifest as is). */
export interface PartitionCounts {
  /** Every name followed by `\0`, in the order of `defs` and `refs`. */
  readonly names: string;
  readonly defs: Uint32Array;
  readonly refs: Uint32Array;
}

/**
 * The form that crosses threads: the protocol's plain data carries no `Uint32Array`, so the
 * counts travel as arrays of numbers and are packed on arrival ({@link fromWireCounts}).
 */
export interface WireCounts {
  readonly names: string;
  readonly defs: readonly number[];
  readonly refs: readonly number[];
}

/** Counts of a partition that holds nothing. */
export const kNoCounts: PartitionCounts = { names: '', defs: new Uint32Array(0), refs: new Uint32Array(0) };

/**
 * Packs parallel lists, sorted in symbol-table order. A name holding NUL (never an identifier of a parsed language) is left
 * out, since NUL separates names.
 * @param names - distinct names (any order)
 * @param defs - live definitions of each
 * @param refs - live references to each
 * @returns the packed form
 */
export function packCounts(names: readonly string[], defs: ArrayLike<number>, refs: ArrayLike<number>): PartitionCounts {
  return fromWireCounts(wireCounts(names, defs, refs));
}

/**
 * Like {@link packCounts}, in the form that crosses threads, sorted in symbol-table order (the
 * partition sorts, so the main thread only merges: see counts-merge.ts).
 */
export function wireCounts(names: readonly string[], defs: ArrayLike<number>, refs: ArrayLike<number>): WireCounts {
  const kept: number[] = [];
  names.forEach((name, i) => {
    if (!name.includes('\0')) kept.push(i);
  });
  const folded = names.map((n) => n.toLowerCase());
  kept.sort((i, j) => compareFolded(folded[i]!, names[i]!, folded[j]!, names[j]!));
  return { names: kept.map((i) => `${names[i]!}\0`).join(''), defs: kept.map((i) => defs[i]!), refs: kept.map((i) => refs[i]!) };
}

/** Packs counts that arrived from a partition. */
export function fromWireCounts(w: WireCounts): PartitionCounts {
  return { names: w.names, defs: Uint32Array.from(w.defs), refs: Uint32Array.from(w.refs) };
}

/**
 * Calls `fn` with each name and its position.
 * @param counts - packed counts
 * @param fn - receives the name (a slice of `counts.names`) and its index into `defs`/`refs`
 */
export function forEachCount(counts: PartitionCounts, fn: (name: string, i: number) => void): void {
  const text = counts.names;
  for (let i = 0, start = 0; start < text.length; i++) {
    const end = text.indexOf('\0', start);
    fn(text.slice(start, end), i);
    start = end + 1;
  }
}

/** The names as an array (tests and small trees). */
export function countNames(counts: PartitionCounts): string[] {
  const out: string[] = [];
  forEachCount(counts, (name) => out.push(name));
  return out;
}

/** Bytes held: the string (one byte per Latin-1 character), the two arrays, and headers. */
export function countsBytes(counts: PartitionCounts): number {
  return counts.names.length + 8 * counts.defs.length + 3 * 64;
}

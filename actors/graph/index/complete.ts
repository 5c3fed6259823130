/**
 * `complete PREFIX`: symbol names starting with a prefix, ignoring case, ranked by
 * 1. exact-case prefix match first, 2. more live references plus definitions, 3. shorter name
 *    (UTF-8 bytes), 4. symbol-table order (lower-cased, then raw).
 *
 * Each segment's matching names are one run of its sorted symbol ids (binary search). The
 * segment with the longest run is streamed as ids without decoding names (counts come from
 * typed arrays, the case check compares bytes); names from the other, smaller segments are
 * decoded and their counts folded into the primary's by id, so names are never double-counted.
 *
 * @module
 */

import type { PartitionView } from './partition-view.js';
import type { Completion } from './query-types.js';
import type { Segment } from './segment.js';
import { compareSymbols } from './symbol-order.js';
import { utf8Encode, utf8Length } from './utf8.js';

/** A candidate under ranking. */
interface Candidate {
  exact: boolean;
  count: number;
  len: number;
  defs: number;
  refs: number;
  /** Symbol id in the primary segment, or -1. */
  id: number;
  name: string | null;
}

/**
 * The top `k` completions of `prefix`.
 *
 * @param view The partition.
 * @param prefix Any string; matching ignores case via `toLowerCase()`.
 * @param k How many to return.
 * @returns Completions, best first.
 */
export function complete(view: PartitionView, prefix: string, k = 20): Completion[] {
  if (k <= 0) return [];
  const folded = prefix.toLowerCase();
  const ranges = view.segments.map((seg) => prefixRange(seg, folded));
  let p = -1;
  ranges.forEach((r, i) => {
    if (p < 0 || r[1] - r[0] > ranges[p]![1] - ranges[p]![0]) p = i;
  });
  if (p < 0) return [];
  const primary = view.segments[p]!;
  const { extraDefs, extraRefs, others } = foldOthers(view, ranges, p);
  const top = new TopK(k, primary);
  const prefixBytes = utf8Encode(prefix);
  const folded0 = extraDefs.size === 0 && extraRefs.size === 0;
  // One scratch candidate for the whole run: TopK copies the few it keeps.
  const c: Candidate = { exact: false, count: 0, len: 0, defs: 0, refs: 0, id: 0, name: null };
  for (let id = ranges[p]![0]; id < ranges[p]![1]; id++) {
    c.defs = primary.liveDefs[id]! + (folded0 ? 0 : (extraDefs.get(id) ?? 0));
    c.refs = primary.liveRefs[id]! + (folded0 ? 0 : (extraRefs.get(id) ?? 0));
    c.count = c.defs + c.refs;
    if (c.count === 0) continue;
    c.len = primary.strings.byteEnd(id) - primary.strings.byteStart(id);
    c.exact = startsWithBytes(primary, id, prefixBytes);
    c.id = id;
    top.offer(c);
  }
  for (const [name, c] of others) {
    if (c.defs + c.refs === 0) continue;
    top.offer({ exact: name.startsWith(prefix), count: c.defs + c.refs, len: utf8Length(name), defs: c.defs, refs: c.refs, id: -1, name });
  }
  return top.result();
}

/** Counts from non-primary segments: by primary id where the primary has the name, else by name. */
function foldOthers(view: PartitionView, ranges: readonly (readonly [number, number])[], p: number) {
  const primary = view.segments[p]!;
  const extraDefs = new Map<number, number>();
  const extraRefs = new Map<number, number>();
  const others = new Map<string, { defs: number; refs: number }>();
  view.segments.forEach((seg, i) => {
    if (i === p) return;
    for (let id = ranges[i]![0]; id < ranges[i]![1]; id++) {
      if (seg.liveDefs[id]! + seg.liveRefs[id]! === 0) continue;
      const name = seg.strings.get(id);
      const pid = primary.symbol(name);
      if (pid >= 0) {
        extraDefs.set(pid, (extraDefs.get(pid) ?? 0) + seg.liveDefs[id]!);
        extraRefs.set(pid, (extraRefs.get(pid) ?? 0) + seg.liveRefs[id]!);
      } else {
        const c = others.get(name) ?? { defs: 0, refs: 0 };
        others.set(name, { defs: c.defs + seg.liveDefs[id]!, refs: c.refs + seg.liveRefs[id]! });
      }
    }
  });
  return { extraDefs, extraRefs, others };
}

/**
 * The symbol ids whose lower-cased name starts with `folded`.
 *
 * @returns `[start, end)`.
 */
export function prefixRange(seg: Segment, folded: string): [number, number] {
  const fold = (id: number): string => seg.strings.get(id).toLowerCase();
  const start = firstTrue(0, seg.data.symbolCount, (id) => fold(id) >= folded);
  const end = firstTrue(start, seg.data.symbolCount, (id) => !fold(id).startsWith(folded));
  return [start, end];
}

/** Binary search: the first index in `[lo, hi)` where a monotone predicate holds, else `hi`. */
function firstTrue(lo: number, hi: number, pred: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function startsWithBytes(seg: Segment, id: number, prefix: Uint8Array): boolean {
  const start = seg.strings.byteStart(id);
  if (seg.strings.byteEnd(id) - start < prefix.length) return false;
  const bytes = seg.strings.bytes;
  for (let i = 0; i < prefix.length; i++) if (bytes[start + i] !== prefix[i]) return false;
  return true;
}

/** The best `k` candidates, kept sorted (k is small, so insertion beats a heap). */
class TopK {
  readonly #k: number;
  readonly #primary: Segment;
  readonly #items: Candidate[] = [];

  constructor(k: number, primary: Segment) {
    this.#k = k;
    this.#primary = primary;
  }

  /** Keeps a copy of `c` when it ranks among the best `k`. */
  offer(c: Candidate): void {
    const items = this.#items;
    if (items.length === this.#k && this.#compare(c, items[items.length - 1]!) >= 0) return;
    let i = items.length;
    while (i > 0 && this.#compare(c, items[i - 1]!) < 0) i--;
    items.splice(i, 0, { ...c });
    if (items.length > this.#k) items.pop();
  }

  result(): Completion[] {
    return this.#items.map((c) => ({ name: this.#name(c), defs: c.defs, refs: c.refs }));
  }

  #compare(a: Candidate, b: Candidate): number {
    if (a.exact !== b.exact) return a.exact ? -1 : 1;
    if (a.count !== b.count) return b.count - a.count;
    if (a.len !== b.len) return a.len - b.len;
    if (a.id >= 0 && b.id >= 0) return a.id - b.id;
    return compareSymbols(this.#name(a), this.#name(b));
  }

  #name(c: Candidate): string {
    c.name ??= this.#primary.strings.get(c.id);
    return c.name;
  }
}

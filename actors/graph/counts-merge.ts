/**
 * Merges partitions' name counts, each sorted in symbol-table order, into one sorted stream:
 * a k-way merge over a binary heap of cursors, so that building the completion table holds no
 * map of every name and no sort of them (on a quarter of the Linux kernel, 915k names, the
 * map-and-sort build took ~200 MB of transient heap; on the whole kernel it was the peak of the
 * process). Equal names come out in partition order (path order), so per-name partition lists
 * come out in path order too.
 *
 * @module
 */

import { compareFolded } from './index/index.js';
import type { PartitionCounts } from './partition/index.js';

/** One partition's position in its counts. */
interface Cursor {
  readonly part: number;
  readonly counts: PartitionCounts;
  /** Character offset of the next name. */
  at: number;
  /** Entry index of `name`. */
  index: number;
  name: string;
  folded: string;
}

const before = (a: Cursor, b: Cursor): boolean => {
  const c = compareFolded(a.folded, a.name, b.folded, b.name);
  return c < 0 || (c === 0 && a.part < b.part);
};

/** Moves a cursor to its next name; false at the end. */
function advance(c: Cursor): boolean {
  const text = c.counts.names;
  if (c.at >= text.length) return false;
  const end = text.indexOf('\0', c.at);
  const name = text.slice(c.at, end);
  const folded = name.toLowerCase();
  if (c.index >= 0 && compareFolded(c.folded, c.name, folded, name) >= 0) {
    throw new Error(`Cannot merge name counts: partition ${c.part} lists "${name}" after "${c.name}" (counts must be distinct and in symbol-table order)`);
  }
  c.name = name;
  c.folded = folded;
  c.at = end + 1;
  c.index++;
  return true;
}

/**
 * Calls `visit` for every entry of every partition, in (symbol-table order, partition) order.
 * @param parts - counts sorted in symbol-table order (as `wireCounts` sorts them), in path order
 * @param visit - the name, the partition's index in `parts`, and the entry's index in its counts
 * @throws Error when a partition's names are not strictly increasing
 */
export function mergeCounts(parts: readonly PartitionCounts[], visit: (name: string, part: number, index: number) => void): void {
  const heap: Cursor[] = [];
  parts.forEach((counts, part) => {
    const c: Cursor = { part, counts, at: 0, index: -1, name: '', folded: '' };
    if (advance(c)) push(heap, c);
  });
  while (heap.length > 0) {
    const top = heap[0]!;
    visit(top.name, top.part, top.index);
    if (advance(top)) siftDown(heap, 0);
    else {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        siftDown(heap, 0);
      }
    }
  }
}

function push(heap: Cursor[], c: Cursor): void {
  heap.push(c);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: Cursor[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
    if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m]!, heap[i]!];
    i = m;
  }
}

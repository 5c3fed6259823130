/**
 * Partial sorting: the first `k` of `count` items in a total order, without sorting them all.
 * A bounded heap keeps the best `k` seen so far with the worst at the root, so most items cost
 * one comparison against the root: O(count + m log k) for m replacements.
 *
 * @module
 */

/**
 * Selects the `k` smallest item ids under `compare`, sorted.
 *
 * @param count Items are ids `0 … count − 1`.
 * @param k How many to keep (clamped to `count`).
 * @param compare Negative when item `a` comes before item `b`; must be a total order (no ties
 *   between distinct ids) for the result to be unique.
 * @returns The first `min(k, count)` ids in order.
 */
export function topK(count: number, k: number, compare: (a: number, b: number) => number): Int32Array {
  const size = Math.max(0, Math.min(k, count));
  const heap = new Int32Array(size);
  let len = 0;
  for (let id = 0; id < count && size > 0; id++) {
    if (len < size) {
      heap[len] = id;
      siftUp(heap, len++, compare);
    } else if (compare(id, heap[0]!) < 0) {
      heap[0] = id;
      siftDown(heap, len, compare);
    }
  }
  return heap.sort(compare);
}

/** Restores the max-heap (worst item at the root) after appending at `i`. */
function siftUp(heap: Int32Array, i: number, compare: (a: number, b: number) => number): void {
  const item = heap[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[parent]!, item) >= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = item;
}

/** Restores the max-heap after replacing the root. */
function siftDown(heap: Int32Array, len: number, compare: (a: number, b: number) => number): void {
  const item = heap[0]!;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= len) break;
    if (child + 1 < len && compare(heap[child + 1]!, heap[child]!) > 0) child++;
    if (compare(heap[child]!, item) <= 0) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = item;
}

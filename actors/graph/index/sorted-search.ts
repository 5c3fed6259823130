/**
 * Binary search over increasing typed arrays.
 *
 * @module
 */

/** The first index whose value exceeds `value` in an increasing array (its length when none does). */
export function upperBound(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * When to merge segments: a pure decision over segment sizes, applied by the partition index
 * until it returns `null`.
 *
 * Rules, first match wins:
 * 1. A segment with no live file is dropped (merged alone into nothing).
 * 2. A segment whose dead share exceeds `maxDeadRatio` is rewritten alone.
 * 3. Going from the newest segment back, two neighbours merge when the older is not more than
 *    `mergeFactor` times the newer (a binary-counter, logarithmic scheme as in LSM trees): sizes
 *    then shrink geometrically from the oldest, so there are O(log n) segments and each byte is
 *    rewritten O(log n) times.
 * 4. Past `maxSegments`, the two newest merge.
 *
 * @module
 */

/** Sizes of one segment, in any unit that grows with its content (bytes plus a per-file weight). */
export interface SegmentSize {
  readonly live: number;
  readonly total: number;
}

/** Tuning of {@link planMerge}. */
export interface MergePolicy {
  readonly mergeFactor: number;
  readonly maxDeadRatio: number;
  readonly maxSegments: number;
}

/** The defaults: merge at 2×, rewrite at half dead, at most 12 segments. */
export const DEFAULT_MERGE_POLICY: MergePolicy = { mergeFactor: 2, maxDeadRatio: 0.5, maxSegments: 12 };

/**
 * Picks the next run of segments to merge.
 *
 * @param sizes Segment sizes, oldest first.
 * @param policy Thresholds.
 * @returns The half-open range `[start, end)` of segments to merge into one, or `null`.
 */
export function planMerge(sizes: readonly SegmentSize[], policy: MergePolicy = DEFAULT_MERGE_POLICY): { start: number; end: number } | null {
  for (let i = 0; i < sizes.length; i++) {
    const s = sizes[i]!;
    if (s.live === 0 || s.total - s.live > s.total * policy.maxDeadRatio) return { start: i, end: i + 1 };
  }
  for (let i = sizes.length - 2; i >= 0; i--) {
    if (sizes[i]!.live <= policy.mergeFactor * sizes[i + 1]!.live) return { start: i, end: i + 2 };
  }
  if (sizes.length > policy.maxSegments) return { start: sizes.length - 2, end: sizes.length };
  return null;
}

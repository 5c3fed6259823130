/**
 * When partitions have drifted far from their target size (pure policy): one over twice the
 * target (files or bytes) is split in two; two neighbours (in path order) of which one holds at
 * most a quarter of the target, and which together fit in the target, become one. A merged
 * partition is at most the target, far from the split bound, and the halves of a split are
 * each about the target, far from the merge bound, so a partition does not flip between split
 * and merge as files come and go.
 *
 * @module
 */

/** A partition's current size. */
export interface PartitionSize {
  readonly id: number;
  readonly files: number;
  readonly bytes: number;
}

/** What to do with one partition. */
export type DriftAction = { readonly type: 'split'; readonly id: number } | { readonly type: 'merge'; readonly id: number; readonly into: number };

/**
 * @param sizes - every partition, in path order
 * @param target - the plan's target (files and bytes per partition)
 * @returns the splits and merges to make, each partition in at most one
 */
export function driftActions(sizes: readonly PartitionSize[], target: { readonly files: number; readonly bytes: number }): DriftAction[] {
  const actions: DriftAction[] = [];
  const involved = new Set<number>();
  for (const [i, p] of sizes.entries()) {
    if (p.files >= 2 && (p.files > 2 * target.files || p.bytes > 2 * target.bytes)) {
      actions.push({ type: 'split', id: p.id });
      involved.add(p.id);
      continue;
    }
    const before = sizes[i - 1];
    if (before === undefined || involved.has(before.id) || involved.has(p.id)) continue;
    const small = (s: PartitionSize): boolean => s.files <= target.files / 4 && s.bytes <= target.bytes / 4;
    if ((small(before) || small(p)) && before.files + p.files <= target.files && before.bytes + p.bytes <= target.bytes) {
      actions.push({ type: 'merge', id: p.id, into: before.id });
      involved.add(p.id).add(before.id);
    }
  }
  return actions;
}

import type { PartitionPlan } from './partition-tree.js';

/**
 * The partition that holds a path: the last partition whose start key is not after the path
 * (binary search over the sorted start keys, O(log partitions)). Every path maps to exactly one
 * partition, including paths created after the plan was made.
 * @param plan - a plan from `partitionTree` or edited by `splitPlan`/`mergePlan` (`starts` and `ids` are read)
 * @param path - relative to the root, `/`-separated
 * @returns the partition id
 * @example
 * partitionOf(plan, 'src/app/main.ts'); // 3
 */
export function partitionOf(plan: Pick<PartitionPlan, 'starts' | 'ids'>, path: string): number {
  const { starts } = plan;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= path) lo = mid;
    else hi = mid - 1;
  }
  return plan.ids?.[lo] ?? lo;
}

/**
 * Edits of a partition plan as the tree drifts from what it was planned for: a partition that
 * grew far past its target is split at a path, one that shrank far below it joins the partition
 * before it. Pure: each returns a new plan. Ids are never reused: a new partition takes the next
 * id, a merged one's id is retired.
 *
 * @module
 */

import type { PartitionPlan } from './partition-tree.js';

/** The ids of a plan's partitions, in path order. */
export function planIds(plan: PartitionPlan): number[] {
  return plan.ids ?? plan.starts.map((_, i) => i);
}

/** The id the next new partition takes: past every id the plan holds or held. */
export function nextPartitionId(plan: PartitionPlan, retired: Iterable<number> = []): number {
  return Math.max(-1, ...planIds(plan), ...retired) + 1;
}

/**
 * Splits partition `id` at path key `at`: paths from `at` up to the next partition's start move
 * to a new partition `newId`.
 * @throws RangeError when `id` is not in the plan or `at` is not strictly inside its range
 */
export function splitPlan(plan: PartitionPlan, id: number, at: string, newId: number): PartitionPlan {
  const ids = planIds(plan);
  const i = ids.indexOf(id);
  if (i < 0) throw new RangeError(`Cannot split partition ${id}: it is not in the plan`);
  const next = plan.starts[i + 1];
  if (!(at > plan.starts[i]!) || (next !== undefined && !(at < next))) {
    throw new RangeError(`Cannot split partition ${id} at "${at}": the key must lie strictly inside its range from "${plan.starts[i]}"${next === undefined ? '' : ` to "${next}"`}`);
  }
  const partitions = [...plan.partitions];
  partitions.splice(i + 1, 0, { id: newId, start: at, roots: [], files: 0, bytes: 0 });
  const starts = [...plan.starts];
  starts.splice(i + 1, 0, at);
  const newIds = [...ids];
  newIds.splice(i + 1, 0, newId);
  return { partitions, starts, ids: newIds };
}

/**
 * Removes partition `id` from the plan: its range joins the partition before it in path order.
 * @returns the new plan and the id of the partition that takes the range
 * @throws RangeError when `id` is not in the plan or is the first partition
 */
export function mergePlan(plan: PartitionPlan, id: number): { plan: PartitionPlan; into: number } {
  const ids = planIds(plan);
  const i = ids.indexOf(id);
  if (i < 0) throw new RangeError(`Cannot merge partition ${id}: it is not in the plan`);
  if (i === 0) throw new RangeError(`Cannot merge partition ${id}: it is the first in path order, with no partition before it`);
  const keep = (_: unknown, j: number): boolean => j !== i;
  return { plan: { partitions: plan.partitions.filter(keep), starts: plan.starts.filter(keep), ids: ids.filter(keep) }, into: ids[i - 1]! };
}

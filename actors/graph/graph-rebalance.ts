/**
 * Splitting and merging partitions that drifted far from their target size (see
 * partition-drift.ts for when). A split moves the upper half of a partition's files (by path) to
 * a new partition; a merge moves all of a partition's files to the partition before it in path
 * order and retires its id. Moved files are removed from their old partition and parsed again
 * into the new one (the parse threads read them; a partition cannot hand its index over), so a
 * split costs about what indexing half a partition does. It runs after a batch of changes that
 * created or removed files, in the graph's write queue, so no query sees a file in two
 * partitions or in none: the routing changes only once the moved files are stored.
 *
 * @module
 */

import { applyFileChanges } from './graph-changes.js';
import { refreshSummaries, type GraphParts } from './graph-open.js';
import { driftActions, type PartitionSize } from './partition-drift.js';
import { partitionMembers } from './partition-sizes.js';

/** What one rebalancing did. */
export interface RebalanceOutcome {
  readonly split: { readonly from: number; readonly to: number; readonly files: number }[];
  readonly merged: { readonly from: number; readonly into: number; readonly files: number }[];
}

/**
 * Splits and merges partitions that drifted far from `target`.
 * @param parts - the open graph
 * @param target - files and bytes per partition (the graph's options)
 * @param touched - the partitions a batch of changes touched: only they (and, for a merge, their
 *   neighbour) are split or merged, so a partition the plan made small is left alone until its
 *   own files change
 * @returns the splits and merges made (none, usually)
 */
export async function rebalance(parts: GraphParts, target: { readonly files: number; readonly bytes: number }, touched: ReadonlySet<number>): Promise<RebalanceOutcome> {
  const { router, client } = parts;
  const members = partitionMembers(parts.table, router);
  const sizes: PartitionSize[] = router.all().map((id) => ({ id, files: members.get(id)?.paths.length ?? 0, bytes: members.get(id)?.bytes ?? 0 }));
  const out: RebalanceOutcome = { split: [], merged: [] };
  const actions = driftActions(sizes, target).filter((a) => touched.has(a.id) || (a.type === 'merge' && touched.has(a.into)));
  for (const action of actions) {
    const paths = (members.get(action.id)?.paths ?? []).sort(compare);
    if (action.type === 'split') {
      const at = splitKey(paths, router.plan.starts[router.all().indexOf(action.id)]!);
      if (at === null) continue;
      const moved = paths.filter((p) => p >= at);
      // Stored in the new partition first, removed from the old one after: a query in between
      // finds a file twice at worst, never not at all.
      const to = router.split(action.id, at);
      await applyFileChanges(parts, { upserted: moved, removed: [] }, { force: true });
      await client.update(action.id, { type: 'remove', paths: moved });
      await refreshSummaries(parts, [action.id], new Set([action.id]));
      out.split.push({ from: action.id, to, files: moved.length });
    } else {
      const into = router.merge(action.id);
      if (paths.length > 0) {
        await applyFileChanges(parts, { upserted: paths, removed: [] }, { force: true });
        await client.update(action.id, { type: 'remove', paths });
      }
      // The retired partition holds nothing now: let it go to disk.
      await parts.supervisor.evict(router.address(action.id));
      out.merged.push({ from: action.id, into, files: paths.length });
    }
  }
  return out;
}

/** The path at the middle of a partition's sorted files, if it lies after the partition's start. */
function splitKey(sorted: readonly string[], start: string): string | null {
  for (let i = sorted.length >> 1; i < sorted.length; i++) if (sorted[i]! > start) return sorted[i]!;
  return null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Applying file changes to an open graph: removed paths leave their partitions, changed and new
 * paths are parsed again and upserted into the partition that owns them (`partitionOf` over the
 * plan made at open; partitions are not re-planned, so one can grow past its target). Then the
 * name filters of the touched partitions are rebuilt, so removed names stop routing there.
 *
 * Ignore rules are not consulted: the caller (a file watcher) passes the paths it wants indexed.
 *
 * @module
 */

import { graphPath } from './graph-file-queries.js';
import { indexFiles } from './graph-indexer.js';
import { refreshSummaries, type GraphParts } from './graph-open.js';

/** Paths that changed on disk. */
export interface FileChanges {
  /** Created or modified files (re-read from disk). */
  readonly upserted: readonly string[];
  /** Deleted files (unknown paths are ignored). */
  readonly removed: readonly string[];
}

/**
 * Applies one batch of changes.
 * @param parts - the open graph
 * @param changes - root-relative or absolute paths under the root; a path in both lists is re-read
 * @returns resolves once every touched partition holds the change
 * @throws TypeError when the lists are not arrays of strings; RangeError for a path outside the root
 */
export async function applyFileChanges(parts: GraphParts, changes: FileChanges): Promise<void> {
  const upserted = [...new Set(checkPaths(parts.root, changes.upserted, 'upserted'))];
  const reread = new Set(upserted);
  const removed = [...new Set(checkPaths(parts.root, changes.removed, 'removed'))].filter((p) => !reread.has(p));
  const touched = new Set<number>();
  for (const path of removed) parts.problems.delete(path);
  await removePaths(parts, removed, touched);
  const outcome = await indexFiles(parts, upserted, { parsed: () => {}, stored: () => {} });
  for (const id of outcome.touched) touched.add(id);
  // A file that can no longer be read (deleted meanwhile, now binary or too large) leaves the
  // graph; its problem, just recorded, stays.
  await removePaths(parts, outcome.unreadable, touched);
  await refreshSummaries(parts, [...touched].sort((a, b) => a - b), touched);
}

async function removePaths(parts: GraphParts, paths: readonly string[], touched: Set<number>): Promise<void> {
  const byPartition = new Map<number, string[]>();
  for (const path of paths) {
    if (!parts.table.delete(path)) continue;
    const id = parts.router.owner(path);
    const list = byPartition.get(id);
    if (list === undefined) byPartition.set(id, [path]);
    else list.push(path);
  }
  await Promise.all(
    [...byPartition].map(async ([id, list]) => {
      touched.add(id);
      await parts.client.update(id, { type: 'remove', paths: list });
    }),
  );
}

function checkPaths(root: string, paths: readonly string[], what: string): string[] {
  if (!Array.isArray(paths)) throw new TypeError(`Cannot apply changes: ${what} must be an array of paths: current value is ${String(paths)}`);
  return (paths as readonly unknown[]).map((p) => {
    if (typeof p !== 'string') throw new TypeError(`Cannot apply changes: ${what} must be an array of paths: it holds ${String(p)}`);
    const path = graphPath(root, p);
    if (path === '..' || path.startsWith('../') || path.startsWith('/') || path === '.' || path === '') {
      throw new RangeError(`Cannot apply changes: a path must name a file under the root "${root}": current value is "${p}"`);
    }
    return path;
  });
}

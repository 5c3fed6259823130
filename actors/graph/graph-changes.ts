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
import { kCheckpointAfterBytes, refreshSummaries, type GraphParts } from './graph-open.js';

/** Paths that changed on disk. */
export interface FileChanges {
  /** Created or modified files (re-read from disk; one whose content hash is unchanged is skipped). */
  readonly upserted: readonly string[];
  /** Deleted files (unknown paths are ignored). */
  readonly removed: readonly string[];
  /** Deleted directories: every indexed file under them leaves the graph. */
  readonly removedDirs?: readonly string[];
}

/** What one batch of changes did. */
export interface ChangeOutcome {
  /** Files parsed and stored again (new or changed content). */
  readonly indexed: string[];
  /** Files that left the graph (deleted, or no longer readable as text). */
  readonly removed: string[];
  /** Files re-read whose content hash had not changed (nothing re-indexed). */
  readonly unchanged: number;
  /** Of `indexed`, the files new to the graph. */
  readonly created: number;
  /** Partitions that received a change, with their versions after it. */
  readonly partitions: { id: number; version: number }[];
}

/**
 * Applies one batch of changes.
 * @param parts - the open graph
 * @param changes - root-relative or absolute paths under the root; a path in both lists is re-read
 * @param o - `force`: parse files even when their content hash is the one indexed (a partition
 *   rebuilt from nothing)
 * @returns what changed, once every touched partition holds the change
 * @throws TypeError when the lists are not arrays of strings; RangeError for a path outside the root
 */
export async function applyFileChanges(parts: GraphParts, changes: FileChanges, o: { force?: boolean } = {}): Promise<ChangeOutcome> {
  const upserted = [...new Set(checkPaths(parts.root, changes.upserted, 'upserted'))];
  const reread = new Set(upserted);
  const removedFiles = checkPaths(parts.root, changes.removed, 'removed');
  for (const dir of checkPaths(parts.root, changes.removedDirs ?? [], 'removedDirs')) removedFiles.push(...filesUnder(parts, dir));
  const removed = [...new Set(removedFiles)].filter((p) => !reread.has(p));
  const touched = new Set<number>();
  const known = new Set(upserted.filter((p) => parts.table.has(p)));
  for (const path of removed) parts.problems.delete(path);
  const gone = await removePaths(parts, removed, touched);
  const outcome = await indexFiles(parts, upserted, { parsed: () => {}, stored: () => {}, knownHashes: o.force !== true });
  for (const id of outcome.touched) touched.add(id);
  // A file that can no longer be read (deleted meanwhile, now binary or too large) leaves the
  // graph; its problem, just recorded, stays.
  gone.push(...(await removePaths(parts, outcome.unreadable, touched)));
  const ids = [...touched].sort((a, b) => a - b);
  await refreshSummaries(parts, ids, touched);
  await checkpointLarge(parts, upserted);
  const skipped = new Set([...outcome.unreadable, ...outcome.unchanged]);
  const indexed = upserted.filter((p) => !skipped.has(p));
  return {
    indexed,
    removed: gone,
    unchanged: outcome.unchanged.length,
    created: indexed.filter((p) => !known.has(p)).length,
    partitions: ids.map((id) => ({ id, version: parts.router.version(id) })),
  };
}

/** Snapshots the partitions that received much text, so the journal drops it (a burst, a branch switch). */
async function checkpointLarge(parts: GraphParts, upserted: readonly string[]): Promise<void> {
  const bytes = new Map<number, number>();
  for (const path of upserted) {
    const entry = parts.table.get(path);
    if (entry === undefined) continue;
    const id = parts.router.owner(path);
    bytes.set(id, (bytes.get(id) ?? 0) + entry.bytes);
  }
  const large = [...bytes].filter(([, n]) => n > kCheckpointAfterBytes).map(([id]) => id);
  await Promise.all(large.map((id) => parts.supervisor.checkpoint(parts.router.address(id))));
}

/** Indexed files under a directory (root-relative, no trailing slash). */
function filesUnder(parts: GraphParts, dir: string): string[] {
  const prefix = `${dir}/`;
  return [...parts.table.paths()].filter((p) => p.startsWith(prefix));
}

async function removePaths(parts: GraphParts, paths: readonly string[], touched: Set<number>): Promise<string[]> {
  const byPartition = new Map<number, string[]>();
  const gone: string[] = [];
  for (const path of paths) {
    if (!parts.table.delete(path)) continue;
    gone.push(path);
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
  return gone;
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

/**
 * Bringing a graph in line with the tree after a time it could not watch: after a warm start
 * (files changed while no daemon ran) and after a watcher asked for a rescan (events lost). A
 * stat pass finds new files and files whose size or modification time differ; the parse threads
 * re-read those and skip the ones whose content hash is unchanged; files no longer found leave.
 * On 15k files the stat pass takes about 44 ms (`../shared/codeintel-notes.md`).
 *
 * @module
 */

import { applyFileChanges, type ChangeOutcome } from './graph-changes.js';
import { scanFiles, type GraphParts } from './graph-open.js';
import type { ScanProblem } from './scan/index.js';
import { diffTree } from './store/index.js';

/**
 * Compares the tree with the file table and applies the difference.
 * @param parts - the open graph
 * @param maxFileBytes - the scanner's limit (as the graph was opened with)
 * @returns what changed
 */
export async function catchUp(parts: GraphParts, maxFileBytes: number): Promise<ChangeOutcome> {
  const scanProblems = new Map<string, ScanProblem>();
  const files = await scanFiles({ root: parts.root, maxFileBytes, onProgress: () => {} }, scanProblems);
  const diff = diffTree(files, parts.table);
  const outcome = await applyFileChanges(parts, { upserted: diff.changed, removed: diff.removed });
  // Problems of paths that are neither indexed nor reported by this scan are gone.
  for (const path of [...parts.problems.keys()]) if (!parts.table.has(path) && !scanProblems.has(path)) parts.problems.delete(path);
  for (const [path, p] of scanProblems) parts.problems.set(path, p);
  return outcome;
}

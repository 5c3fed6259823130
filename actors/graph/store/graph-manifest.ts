/**
 * What a graph store keeps besides the partition snapshots: everything the main thread holds
 * about the tree (the partition plan, each partition's version and summary, the file table with
 * sizes, modification times and content hashes, the problems), so a restart can answer queries
 * at once and re-read only the files that changed meanwhile.
 *
 * @module
 */

import type { PartitionCounts } from '../partition/index.js';
import { FileTable } from '../file-table.js';
import type { GraphRouter } from '../graph-router.js';
import { kPartitionBulkFormat } from '../partition/index.js';
import type { NameFilterData } from '../partition/index.js';
import { planIds, type PartitionPlan, type ScanProblem } from '../scan/index.js';

/** Options that shape the index: a store made with other values is rebuilt. */
export interface ManifestShape {
  readonly root: string;
  readonly partitionFiles: number;
  readonly partitionBytes: number;
  readonly maxFileBytes: number;
}

/** The file table as columns (one array per field, not one object per file). */
export interface FileColumns {
  readonly path: string[];
  readonly language: string[];
  readonly bytes: number[];
  readonly lines: number[];
  readonly mtimeMs: number[];
  readonly hash: string[];
}

/** One partition's state as the main thread knows it. */
export interface PartitionRecord {
  readonly id: number;
  readonly version: number;
  readonly filter: NameFilterData | null;
  readonly counts: PartitionCounts | null;
  readonly trigrams: NameFilterData | null;
}

/** The manifest of a graph store. */
export interface GraphManifest {
  readonly shape: ManifestShape;
  /** The partition index's snapshot format: snapshots of another format are not loaded. */
  readonly partitionFormat: number;
  readonly plan: PartitionPlan;
  /** Every partition of the plan, in path order. */
  readonly partitions: PartitionRecord[];
  /** Ids of partitions merged away (never reused). */
  readonly retired: number[];
  readonly files: FileColumns;
  readonly problems: ScanProblem[];
  /** When it was written (ms since the epoch). */
  readonly savedAt: number;
}

/** What {@link captureManifest} reads from an open graph. */
export interface ManifestSource {
  readonly router: GraphRouter;
  readonly table: FileTable;
  readonly problems: ReadonlyMap<string, ScanProblem>;
}

/**
 * Takes a manifest of an open graph (after its writes have settled).
 * @param shape - the options that shaped the index
 * @param source - plan, router, table and problems
 * @param now - the clock
 * @returns the manifest
 */
export function captureManifest(shape: ManifestShape, source: ManifestSource, now: number): GraphManifest {
  const files: FileColumns = { path: [], language: [], bytes: [], lines: [], mtimeMs: [], hash: [] };
  for (const [path, e] of source.table.entries()) {
    files.path.push(path);
    files.language.push(e.language);
    files.bytes.push(e.bytes);
    files.lines.push(e.lines);
    files.mtimeMs.push(e.mtimeMs ?? -1);
    files.hash.push(e.hash ?? '');
  }
  const { router } = source;
  const partitions = router.all().map((id) => ({ id, version: router.version(id), ...router.summaryOf(id) }));
  return { shape, partitionFormat: kPartitionBulkFormat, plan: router.plan, partitions, retired: router.retired(), files, problems: [...source.problems.values()], savedAt: now };
}

/**
 * Why a manifest cannot be used for these options, or `null` when it can.
 * @param m - a decoded manifest
 * @param shape - the options of the graph being opened
 */
export function manifestMismatch(m: GraphManifest, shape: ManifestShape): string | null {
  if (m.partitionFormat !== kPartitionBulkFormat) return `partition snapshot format ${m.partitionFormat}, this version writes ${kPartitionBulkFormat}`;
  for (const key of ['root', 'partitionFiles', 'partitionBytes', 'maxFileBytes'] as const) {
    if (m.shape[key] !== shape[key]) return `${key} was ${JSON.stringify(m.shape[key])}, now ${JSON.stringify(shape[key])}`;
  }
  if (m.partitions.map((p) => p.id).join() !== planIds(m.plan).join()) return 'partition records do not match the plan';
  return null;
}

/**
 * Rebuilds the file table of a manifest.
 * @param files - the manifest's columns
 * @returns a table holding every file
 */
export function restoreFileTable(files: FileColumns): FileTable {
  const table = new FileTable();
  files.path.forEach((path, i) => {
    const mtimeMs = files.mtimeMs[i]!;
    const hash = files.hash[i]!;
    table.set(path, {
      language: files.language[i]!,
      bytes: files.bytes[i]!,
      lines: files.lines[i]!,
      ...(mtimeMs < 0 ? {} : { mtimeMs }),
      ...(hash === '' ? {} : { hash }),
    });
  });
  return table;
}

/**
 * Puts the partitions' versions and summaries back into a router made over the manifest's plan.
 * @param router - a fresh router over `m.plan`
 * @param m - the manifest
 */
export function restoreRouter(router: GraphRouter, m: GraphManifest): void {
  router.retire(m.retired);
  for (const p of m.partitions) {
    router.setSummary(p.id, p.filter, p.counts, p.trigrams);
    router.observe(p.id, p.version);
  }
}

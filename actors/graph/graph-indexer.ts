/**
 * Parses files and stores them in their partitions: the write path of `CodeGraph.open` and
 * `applyChanges`.
 *
 *   paths ─ batches of 32 ─▶ ParsePool (threads) ─▶ FileTags + text ─▶ per-partition buffers
 *        ─ ≥ 200 files or ≥ 1 MiB ─▶ ask partition/N { upsert } ─▶ worker: PartitionIndex.update
 *
 * At most `2 × threads` parse batches are in flight, and a batch's slot frees only once the
 * upserts it filled were applied, so a fast parser cannot pile up a whole tree's text in memory.
 *
 * @module
 */

import { countLines, type FileTable } from './file-table.js';
import type { GraphRouter } from './graph-router.js';
import type { FileTags as IndexFile } from './index/index.js';
import type { PartitionClient } from './partition-client.js';
import { toIndexFile } from './partition/index.js';
import type { FileTags as ParsedFile, ParsePool } from './parse/index.js';
import type { ScanProblem } from './scan/index.js';

/** Files per parse task. */
const kParseBatch = 32;
/** An upsert message closes at this many files… */
export const kUpsertFiles = 200;
/** …or this many bytes of text, so one message (and one journal entry) stays bounded. */
export const kUpsertBytes = 1 << 20;

/** What the indexer writes to. */
export interface IndexerTarget {
  readonly pool: ParsePool;
  readonly root: string;
  readonly router: GraphRouter;
  readonly client: PartitionClient;
  readonly table: FileTable;
  /** Problems by path (the latest per path). */
  readonly problems: Map<string, ScanProblem>;
  readonly concurrency: number;
}

/** Progress callbacks of one indexing run. */
export interface IndexerProgress {
  parsed(n: number): void;
  stored(n: number): void;
}

/** What a run did. */
export interface IndexOutcome {
  /** Partitions that received files. */
  readonly touched: ReadonlySet<number>;
  /** Paths that could not be read when parsed (not indexed; their problem is recorded). */
  readonly unreadable: readonly string[];
}

/**
 * Parses `paths` and upserts them into their partitions; records each file in the table and
 * each problem (syntax errors included) under its path.
 * @param target - pool, router, client, table and problem map
 * @param paths - root-relative files, any order (sorted here, so partitions fill one by one)
 * @param progress - counters for `onProgress`
 * @returns the partitions touched and the paths that could not be read
 */
export async function indexFiles(target: IndexerTarget, paths: readonly string[], progress: IndexerProgress): Promise<IndexOutcome> {
  const sorted = [...paths].sort(compare);
  const buffers = new Map<number, { files: IndexFile[]; bytes: number }>();
  const touched = new Set<number>();
  const unreadable: string[] = [];
  const flush = async (id: number): Promise<void> => {
    const buffer = buffers.get(id);
    if (buffer === undefined || buffer.files.length === 0) return;
    buffers.delete(id);
    touched.add(id);
    await target.client.update(id, { type: 'upsert', files: buffer.files });
    progress.stored(buffer.files.length);
  };
  const batches: string[][] = [];
  for (let i = 0; i < sorted.length; i += kParseBatch) batches.push(sorted.slice(i, i + kParseBatch));
  await forEachLimit(batches, target.concurrency, async (batch) => {
    const parsed = await target.pool.parseBatch(target.root, batch);
    progress.parsed(batch.length);
    const full: number[] = [];
    for (const file of parsed) {
      const indexed = record(target, file);
      if (indexed === null) {
        unreadable.push(file.path);
        continue;
      }
      const id = target.router.owner(file.path);
      let buffer = buffers.get(id);
      if (buffer === undefined) buffers.set(id, (buffer = { files: [], bytes: 0 }));
      buffer.files.push(indexed);
      buffer.bytes += indexed.content.length;
      if (buffer.files.length >= kUpsertFiles || buffer.bytes >= kUpsertBytes) full.push(id);
    }
    await Promise.all(full.map(flush));
  });
  await Promise.all([...buffers.keys()].map(flush));
  return { touched, unreadable };
}

/** Records a parse result in the table and the problem map; `null` when it has no text. */
function record(target: IndexerTarget, file: ParsedFile): IndexFile | null {
  target.problems.delete(file.path);
  if (file.error !== undefined) target.problems.set(file.path, { ...file.error, path: file.path });
  const indexed = toIndexFile(file);
  if (indexed === null) return null;
  target.table.set(file.path, { language: indexed.language, bytes: file.bytes, lines: countLines(indexed.content) });
  return indexed;
}

/** Runs `fn` over items with at most `limit` running at once; rejects with the first failure. */
async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

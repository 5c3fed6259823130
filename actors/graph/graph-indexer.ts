/**
 * Parses files and stores them in their partitions: the write path of `CodeGraph.open` and
 * `applyChanges`.
 *
 *   paths (sorted) ─ batches of ≤ 32 files, ≤ 1 MiB ─▶ ParsePool (threads, always busy) ─▶ FileTags + text
 *        ─▶ per-partition buffers ─ partition complete, or ≥ upsertBytes ─▶ ask partition/N { upsert }
 *                                                                            (many partitions at once)
 *
 * Parsing never waits for upserts to be applied: `2 × threads` parse batches stay in flight as
 * long as the files parsed but not yet applied (text and tags, buffered, or sent and not yet acknowledged) stay
 * under `pendingBytes` ({@link kIndexerLimits}); past that, new parse batches wait until an upsert completes
 * (backpressure when the partition workers fall behind). Paths are sorted, so partitions (which
 * are contiguous path ranges) fill one after another; the indexer knows how many files each
 * partition is owed and sends a partition's files as soon as the last one is parsed, in one
 * message when it fits in `upsertBytes`: the partition then builds one segment in one go
 * instead of many small segments and merges. Upserts to different partitions run concurrently,
 * at most `upsertsInFlight` at once.
 *
 * @module
 */

import { countLines, type FileTable } from './file-table.js';
import type { GraphRouter } from './graph-router.js';
import { heldBytes } from './held-bytes.js';
import type { FileTags as IndexFile } from './index/index.js';
import type { PartitionClient } from './partition-client.js';
import { toIndexFile } from './partition/index.js';
import type { FileTags as ParsedFile, ParsePool } from './parse/index.js';
import type { ScanProblem } from './scan/index.js';
import type { PressureLevel } from '../../runtime/index.js';

/** Flow-control limits of {@link indexFiles}. */
export interface IndexerLimits {
  /** Files per parse task, at most. */
  readonly parseBatch: number;
  /**
   * Bytes of source per parse task, at most, where sizes are known (a larger file goes alone).
   * A task's results arrive at once and count against `pendingBytes` only then: 32 of the
   * kernel's 1 MB register headers held ~200 MB of tags in one reply (issue 8).
   */
  readonly parseBatchBytes: number;
  /** An upsert message closes at this many bytes (text and tags, see `heldBytes`) when its partition is not complete yet. */
  readonly upsertBytes: number;
  /** Bytes of parsed files (text and tags) not yet applied, buffered or in flight, above which parsing pauses. */
  readonly pendingBytes: number;
  /** Upserts sent and not yet acknowledged, at most. */
  readonly upsertsInFlight: number;
}

/** The defaults: 32 files or 1 MiB per parse task, 16 MiB per upsert, 96 MiB pending, 4 upserts in flight. */
export const kIndexerLimits: IndexerLimits = { parseBatch: 32, parseBatchBytes: 1 << 20, upsertBytes: 16 << 20, pendingBytes: 96 << 20, upsertsInFlight: 4 };

/** A path with its size in bytes, as the scan found it. */
export interface SizedPath {
  readonly path: string;
  readonly size: number;
}

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
  /** The memory pressure now (default: always normal): parsing runs less far ahead under pressure. */
  readonly pressure?: () => PressureLevel;
}

/** Progress callbacks of one indexing run. */
export interface IndexerProgress {
  parsed(n: number): void;
  stored(n: number): void;
  /**
   * Called once per partition as soon as it holds all of its files of this run (while other
   * partitions are still being parsed); the run resolves after every returned promise.
   */
  settled?(id: number): Promise<void>;
  /** Skip files whose content hash equals the one in the table (re-reads after a save or a restart). */
  knownHashes?: boolean;
}

/** What a run did. */
export interface IndexOutcome {
  /** Partitions that received files. */
  readonly touched: ReadonlySet<number>;
  /** Paths that could not be read when parsed (not indexed; their problem is recorded). */
  readonly unreadable: readonly string[];
  /** Files skipped because their content hash had not changed. */
  readonly unchanged: readonly string[];
}

interface Buffer {
  files: IndexFile[];
  bytes: number;
}

/**
 * Parses `paths` and upserts them into their partitions; records each file in the table and
 * each problem (syntax errors included) under its path.
 * @param target - pool, router, client, table and problem map
 * @param paths - root-relative files, any order (sorted here, so partitions fill one by one),
 *   with their sizes where known (parse tasks are then bounded in bytes too)
 * @param progress - counters for `onProgress`, and what to do once a partition has all its files
 * @param limits - flow control (tests use small ones)
 * @returns the partitions touched and the paths that could not be read
 * @throws the first failure of a parse task, an upsert or `progress.settled`, once every
 *   upsert already sent has been answered
 */
export async function indexFiles(
  target: IndexerTarget,
  paths: readonly string[] | readonly SizedPath[],
  progress: IndexerProgress,
  limits: IndexerLimits = kIndexerLimits,
): Promise<IndexOutcome> {
  const files: SizedPath[] = paths.map((p: string | SizedPath) => (typeof p === 'string' ? { path: p, size: 0 } : p));
  files.sort((a, b) => compare(a.path, b.path));
  const sorted = files.map((f) => f.path);
  // Files each partition is still owed by the parser: at 0 its buffer is complete.
  const owed = new Map<number, number>();
  for (const path of sorted) {
    const id = target.router.owner(path);
    owed.set(id, (owed.get(id) ?? 0) + 1);
  }
  const buffers = new Map<number, Buffer>();
  const touched = new Set<number>();
  const unreadable: string[] = [];
  let pending = 0; // bytes buffered or in flight
  const unchanged: string[] = [];
  let failure: { error: unknown } | null = null;
  const sends = new Set<Promise<void>>();
  const queue: { id: number; files: IndexFile[]; bytes: number }[] = [];
  // Upserts of a partition queued or in flight; with `owed` at 0 and none left, it is settled.
  const unsent = new Map<number, number>();
  const settling: Promise<void>[] = [];
  const settle = (id: number): void => {
    if (progress.settled === undefined || owed.get(id) !== 0 || (unsent.get(id) ?? 0) > 0 || buffers.has(id) || !touched.has(id)) return;
    owed.delete(id);
    settling.push(
      progress.settled(id).catch((error: unknown) => {
        failure ??= { error };
      }),
    );
  };
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };

  const pump = (): void => {
    while (inFlight < limits.upsertsInFlight && queue.length > 0 && failure === null) {
      const job = queue.shift()!;
      inFlight++;
      const sent = target.client.update(job.id, { type: 'upsert', files: job.files }).then(
        () => progress.stored(job.files.length),
        (error: unknown) => {
          failure ??= { error };
        },
      );
      const done = sent.finally(() => {
        inFlight--;
        unsent.set(job.id, unsent.get(job.id)! - 1);
        if (failure === null) settle(job.id);
        pending -= job.bytes;
        sends.delete(done);
        pump();
        signal();
      });
      sends.add(done);
    }
  };
  const flush = (id: number): void => {
    const buffer = buffers.get(id);
    if (buffer === undefined || buffer.files.length === 0) return;
    buffers.delete(id);
    touched.add(id);
    unsent.set(id, (unsent.get(id) ?? 0) + 1);
    queue.push({ id, files: buffer.files, bytes: buffer.bytes });
    pump();
  };
  /** Waits until the pending text is under the bound (flushing partial buffers when nothing else can free it). */
  const admit = async (): Promise<void> => {
    while (failure === null && pending >= pendingBound(limits.pendingBytes, target.pressure?.() ?? 'normal')) {
      if (inFlight === 0 && queue.length === 0) {
        for (const id of [...buffers.keys()]) flush(id);
        if (inFlight === 0) return; // nothing to wait for
      }
      await new Promise<void>((resolve) => {
        const prev = wake;
        wake = () => {
          prev?.();
          resolve();
        };
      });
    }
  };

  const batches = parseBatches(files, limits);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length && failure === null) {
      await admit();
      if (failure !== null || next >= batches.length) return;
      const batch = batches[next++]!;
      const known = progress.knownHashes === true ? batch.map((p) => target.table.get(p)?.hash) : undefined;
      const parsed = await target.pool.parseBatch(target.root, batch, undefined, known);
      progress.parsed(batch.length);
      for (const file of parsed) {
        const id = target.router.owner(file.path);
        const left = owed.get(id)! - 1;
        owed.set(id, left);
        const indexed = record(target, file);
        if (indexed === null) unreadable.push(file.path);
        else if (indexed === 'unchanged') unchanged.push(file.path);
        else {
          let buffer = buffers.get(id);
          if (buffer === undefined) buffers.set(id, (buffer = { files: [], bytes: 0 }));
          buffer.files.push(indexed);
          const bytes = heldBytes(indexed);
          buffer.bytes += bytes;
          pending += bytes;
        }
        const buffer = buffers.get(id);
        if (buffer !== undefined && (left === 0 || buffer.bytes >= limits.upsertBytes)) flush(id);
      }
    }
  };
  const guarded = (): Promise<void> =>
    lane().catch((error: unknown) => {
      failure ??= { error };
      signal();
    });
  await Promise.all(Array.from({ length: Math.min(target.concurrency, batches.length) }, guarded));
  // Whatever was parsed is sent (after a failure, only what is in flight is awaited).
  if (failure === null) for (const id of [...buffers.keys()]) flush(id);
  while (sends.size > 0) await Promise.all([...sends]);
  await Promise.all(settling);
  if (failure !== null) throw (failure as { error: unknown }).error;
  return { touched, unreadable, unchanged };
}

/** Records a parse result in the table and the problem map; `null` when it has no text. */
function record(target: IndexerTarget, file: ParsedFile): IndexFile | null | 'unchanged' {
  if (file.unchanged === true) {
    if (file.mtimeMs !== undefined) target.table.touch(file.path, file.mtimeMs);
    return 'unchanged';
  }
  target.problems.delete(file.path);
  if (file.error !== undefined) target.problems.set(file.path, { ...file.error, path: file.path });
  const indexed = toIndexFile(file);
  if (indexed === null) return null;
  target.table.set(file.path, {
    language: indexed.language,
    bytes: file.bytes,
    lines: countLines(indexed.content),
    ...(file.hash === undefined ? {} : { hash: file.hash }),
    ...(file.mtimeMs === undefined ? {} : { mtimeMs: file.mtimeMs }),
  });
  return indexed;
}

/**
 * How many bytes of parsed files may wait to be applied, by memory pressure: all of `limit` at
 * normal, half at warning, a quarter at critical, so that while evictions make room the files
 * waiting do not take it again. On the whole Linux kernel under a 1 GiB budget, 96 MiB at every
 * level indexed in 226 s with a peak RSS of 1,086 MB, 48 MiB at every level in 268 s with
 * 1,018 MB, and this scale (96/48/24) in 217 s with 997 MB (2026-11-25).
 */
export function pendingBound(limit: number, pressure: PressureLevel): number {
  return pressure === 'normal' ? limit : pressure === 'warning' ? limit / 2 : limit / 4;
}

/** Consecutive runs of at most `parseBatch` files and (with more than one file) `parseBatchBytes`. */
export function parseBatches(files: readonly SizedPath[], limits: Pick<IndexerLimits, 'parseBatch' | 'parseBatchBytes'>): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const { path, size } of files) {
    if (batch.length > 0 && (batch.length >= limits.parseBatch || bytes + size > limits.parseBatchBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(path);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { createHash } from 'node:crypto';
import { availableParallelism, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { kDefaultMaxFileBytes } from './parse/index.js';

/** Progress of `CodeGraph.open` (and of large `applyChanges` calls). */
export interface GraphProgress {
  /** `scan`: files found (total grows with done); `parse`: files parsed; `index`: files stored in partitions. */
  phase: 'scan' | 'parse' | 'index';
  done: number;
  total: number;
}

/** Something worth a log line that is not an error: a store discarded or busy, a rescan. */
export interface GraphNotice {
  /** `store.discarded`, `store.busy`, `store.unsaved`, `watch.rescan`, `watch.error`. */
  readonly code: string;
  readonly message: string;
}

/** How to open a code graph. Only `root` is required. */
export interface CodeGraphOptions {
  /** The repository to index. */
  root: string;
  /** Worker threads for partition actors, and parse threads (default: one per core). */
  workers?: number;
  /**
   * Memory budget of the whole process in bytes (default: half the machine's memory): when its
   * resident memory passes 70 % of it, the least recently used partitions are written to disk
   * snapshots and dropped, during the first index too, and load again when asked.
   */
  memoryBudgetBytes?: number;
  /** A partition closes before it would exceed this many files (default 2,000). */
  partitionFiles?: number;
  /** …or this many bytes of source (default 4 MiB). */
  partitionBytes?: number;
  /** Files over this many bytes are skipped and reported (default 1 MiB). */
  maxFileBytes?: number;
  /**
   * Where evicted partitions are written (default: `$XDG_CACHE_HOME/tessera/<hash of root>`,
   * else `<os.tmpdir()>/tessera-<user>/<hash of root>`). Each open graph uses its own session
   * directory inside it and removes it on close.
   */
  snapshotDir?: string;
  /**
   * Keep the index between runs (default false): snapshots and a manifest of the file table
   * stay in `<snapshotDir>/store`, and the next open with the same options loads them and
   * re-reads only the files changed meanwhile. One process at a time owns a store; another
   * graph on the same root falls back to a session (with a notice).
   */
  persist?: boolean;
  /**
   * Watch the tree and apply changes as files are saved (default false). The watcher starts
   * before the scan, so nothing saved during indexing is missed.
   */
  watch?: boolean;
  /** Called as work progresses. */
  onProgress?: (p: GraphProgress) => void;
  /** Called with what deserves a log line (a store discarded, a watcher rescan…). */
  onNotice?: (n: GraphNotice) => void;
  /**
   * The wide-definition table (docs/queries.md): names defined in at least `minPartitions`
   * partitions (default 12, at least 2) keep their first `rows` definitions (default 256) in
   * one file, so their `def` is one read; it is brought up to date once the graph has been
   * quiet for `rebuildQuietMs` after a change (default 30,000).
   */
  wideDefs?: { minPartitions?: number; rows?: number; rebuildQuietMs?: number };
  /** @internal Journal entries per partition before a checkpoint (tests force frequent ones). */
  checkpointEvery?: number;
}

/** Options with defaults filled in. */
export interface ResolvedGraphOptions {
  readonly root: string;
  readonly workers: number;
  readonly memoryBudgetBytes: number | undefined;
  readonly partitionFiles: number;
  readonly partitionBytes: number;
  readonly maxFileBytes: number;
  readonly snapshotDir: string;
  readonly persist: boolean;
  readonly watch: boolean;
  readonly onProgress: (p: GraphProgress) => void;
  readonly onNotice: (n: GraphNotice) => void;
  readonly checkpointEvery: number | undefined;
  readonly wideDefs: { readonly minPartitions: number; readonly rows: number; readonly rebuildQuietMs: number };
}

/** Default bound on files per partition. */
export const kDefaultPartitionFiles = 2000;
/** Default bound on source bytes per partition. */
export const kDefaultPartitionBytes = 4 << 20;
/** Default partitions a name must be defined in to enter the wide-definition table. */
export const kDefaultWideMinPartitions = 12;
/** Default definitions the wide-definition table keeps per name. */
export const kDefaultWideRows = 256;
/** Default quiet time after a change before the wide-definition table is brought up to date. */
export const kDefaultWideRebuildQuietMs = 30_000;

/**
 * Fills in defaults and checks ranges.
 * @param o - the caller's options
 * @returns the options with defaults; `root` made absolute
 * @throws TypeError when `root` is not a non-empty string; RangeError naming a bad number
 */
export function resolveGraphOptions(o: CodeGraphOptions): ResolvedGraphOptions {
  if (typeof o.root !== 'string' || o.root === '') throw new TypeError(`Cannot open a code graph: root must be a non-empty string: current value is ${JSON.stringify(o.root)}`);
  const root = resolve(o.root);
  const workers = o.workers ?? availableParallelism();
  checkCount('workers', workers);
  const partitionFiles = o.partitionFiles ?? kDefaultPartitionFiles;
  checkCount('partitionFiles', partitionFiles);
  const partitionBytes = o.partitionBytes ?? kDefaultPartitionBytes;
  checkCount('partitionBytes', partitionBytes);
  const maxFileBytes = o.maxFileBytes ?? kDefaultMaxFileBytes;
  checkCount('maxFileBytes', maxFileBytes);
  const wideDefs = {
    minPartitions: o.wideDefs?.minPartitions ?? kDefaultWideMinPartitions,
    rows: o.wideDefs?.rows ?? kDefaultWideRows,
    rebuildQuietMs: o.wideDefs?.rebuildQuietMs ?? kDefaultWideRebuildQuietMs,
  };
  checkCount('wideDefs.minPartitions', wideDefs.minPartitions);
  if (wideDefs.minPartitions < 2) throw new RangeError(`Cannot open a code graph: wideDefs.minPartitions must be an integer >= 2: current value is ${wideDefs.minPartitions}`);
  checkCount('wideDefs.rows', wideDefs.rows);
  checkCount('wideDefs.rebuildQuietMs', wideDefs.rebuildQuietMs);
  if (o.memoryBudgetBytes !== undefined && !(o.memoryBudgetBytes > 0 && Number.isFinite(o.memoryBudgetBytes))) {
    throw new RangeError(`Cannot open a code graph: memoryBudgetBytes must be a finite number > 0: current value is ${o.memoryBudgetBytes}`);
  }
  return {
    root,
    workers,
    memoryBudgetBytes: o.memoryBudgetBytes,
    partitionFiles,
    partitionBytes,
    maxFileBytes,
    snapshotDir: o.snapshotDir ?? defaultSnapshotDir(root),
    persist: o.persist ?? false,
    watch: o.watch ?? false,
    onProgress: o.onProgress ?? (() => {}),
    onNotice: o.onNotice ?? (() => {}),
    checkpointEvery: o.checkpointEvery,
    wideDefs,
  };
}

/**
 * The default snapshot directory of a root: a per-user cache directory keyed by a hash of the
 * absolute root, so two trees never share one.
 * @param root - an absolute path
 * @returns `$XDG_CACHE_HOME/tessera/<hash>` or `<tmpdir>/tessera-<user>/<hash>`
 */
export function defaultSnapshotDir(root: string): string {
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 16);
  const cache = process.env['XDG_CACHE_HOME'];
  if (cache !== undefined && cache !== '') return join(cache, 'tessera', hash);
  return join(tmpdir(), `tessera-${userName()}`, hash);
}

function userName(): string {
  try {
    return userInfo().username.replace(/[^\w.-]/g, '_') || String(process.getuid?.() ?? 'user');
  } catch {
    // No passwd entry (containers with an arbitrary uid): fall back to the number.
    return String(process.getuid?.() ?? 'user');
  }
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`Cannot open a code graph: ${name} must be an integer >= 1: current value is ${value}`);
}

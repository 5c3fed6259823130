/** One coalesced set of changes under a watched root. Paths are root-relative, `/`-separated. */
export interface WatchBatch {
  /** Files created or modified, sorted and deduplicated. */
  upserted: string[];
  /** Files deleted, sorted and deduplicated. */
  removed: string[];
  /** Directories deleted: the consumer drops every indexed file under them. */
  removedDirs: string[];
  /**
   * Set when events may have been lost (a watcher error, the inotify watch limit, an ignore file
   * that changed): the consumer rescans the whole tree.
   */
  rescan?: { reason: string };
}

/** Which watcher does the work: our own per-directory `fs.watch` (default) or chokidar. */
export type WatcherImpl = 'fs-watch' | 'chokidar';

/** Options of `TreeWatcher.start`. */
export interface TreeWatcherOptions {
  /** Quiet time in milliseconds that closes a batch (default 5). */
  debounceMs?: number;
  /** A batch is delivered at most this many milliseconds after its first event (default 50). */
  maxDelayMs?: number;
  /** Upserted files over this many bytes are reported as removed, as the scanner skips them (default: no check). */
  maxFileBytes?: number;
  /** Ignore files read in every directory, as the scanner's (default `.gitignore`, `.tesseraignore`). */
  ignoreFileNames?: readonly string[];
  /** Extra gitignore patterns for the whole tree, as the scanner's. */
  ignorePatterns?: readonly string[];
  /** The implementation (default `'fs-watch'`; see docs/watching.md for the measurements). */
  impl?: WatcherImpl;
  /** Receives each batch; the next batch waits until the returned promise settles. */
  onBatch(batch: WatchBatch): void | Promise<void>;
  /** Watcher errors (each also produces a batch with `rescan`) and errors thrown by `onBatch`. */
  onError?(err: Error): void;
}

/** Counters of a running watcher. */
export interface TreeWatcherStats {
  /** Directories watched now. */
  dirs: number;
  /** Changes the backend reported (after the ignore rules), rescan requests included. */
  events: number;
  /** Batches delivered. */
  batches: number;
  /** Batches that asked for a rescan. */
  rescans: number;
  /** Milliseconds `start` took to set up the initial watch. */
  setupMs: number;
}

/** Where a backend reports what it saw; paths are root-relative. */
export interface WatchSink {
  upsert(path: string): void;
  remove(path: string): void;
  removeDir(path: string): void;
  /** Events may have been lost: ask the consumer for a rescan. */
  rescan(reason: string, err?: Error): void;
  /** Events may have been lost and the backend's own view is stale too: restart it, then rescan. */
  resync(reason: string): void;
}

/** A watcher implementation: reports changes to a {@link WatchSink}. */
export interface WatchBackend {
  /** Sets up the initial watch (no events for what already exists). */
  start(): Promise<void>;
  /** Directories watched now. */
  dirCount(): number;
  close(): Promise<void>;
}

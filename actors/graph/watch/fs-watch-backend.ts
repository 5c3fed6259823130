import { lstatSync, readdirSync, readFileSync, watch, type Dirent } from 'node:fs';
import { basename, join } from 'node:path';
import type { IgnoreTracker } from './ignore-tracker.js';
import type { WatchBackend, WatchSink } from './watch-types.js';

/** The part of `fs.FSWatcher` the backend uses. */
export interface DirWatcher {
  close(): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** Starts watching one directory (not recursively); `fs.watch` by default, replaced in tests. */
export type WatchDir = (path: string, listener: (event: string, filename: string | null) => void) => DirWatcher;

/** The kernel's inotify queue length (`max_queued_events`), 16,384 by default. */
export function inotifyQueueLimit(): number {
  try {
    const n = Number(readFileSync('/proc/sys/fs/inotify/max_queued_events', 'utf8'));
    return Number.isInteger(n) && n > 0 ? n : 16_384;
  } catch {
    return 16_384;
  }
}

/** Directories the initial walk watches before it yields to the event loop. */
const kDirsPerTurn = 512;

const nodeWatchDir: WatchDir = (path, listener) => watch(path, { persistent: true }, (event, filename) => listener(event, filename));

/**
 * Our own watcher: one `fs.watch` (one inotify watch) per directory that the ignore rules keep,
 * and no per-file state at all, which is where chokidar spends its memory (it also watches every
 * file and keeps its listing). A `rename` event is resolved with one `lstat`: gone (a file or a
 * known directory removed), a new directory (watched, then listed, its files reported), or a
 * file. A `change` event is a file written. The tree is walked synchronously, so events are
 * handled in order and a new directory is watched before it is listed (nothing created in it
 * between the two is missed).
 *
 * libuv drops inotify's queue-overflow event (its watch descriptor is -1, which no watcher
 * has), so an overflow is invisible. libuv reads the whole queue in one go, so as many events as
 * the queue holds in one event-loop turn means it was full: the watcher restarts (directories
 * created meanwhile are not watched yet) and asks for a rescan.
 */
export class FsWatchBackend implements WatchBackend {
  readonly #root: string;
  readonly #tracker: IgnoreTracker;
  readonly #sink: WatchSink;
  readonly #watchDir: WatchDir;
  /** Watched directory (root-relative, '' for the root) → its watcher. */
  readonly #dirs = new Map<string, DirWatcher>();
  /** The inode of each watched directory, as it was when its watch began. */
  readonly #inodes = new Map<string, number>();
  /** Watched directory → how many of its subdirectories are watched (absent: none). */
  readonly #subdirs = new Map<string, number>();
  readonly #queueLimit: number;
  /** Events received in this event-loop turn (reset by a setImmediate). */
  #turnEvents = 0;
  #closed = false;

  /**
   * @param root - absolute path of the root
   * @param tracker - the ignore rules
   * @param sink - receives the changes
   * @param seams - @internal `watchDir` and `queueLimit`, replaced in tests
   */
  constructor(root: string, tracker: IgnoreTracker, sink: WatchSink, seams: { watchDir?: WatchDir | undefined; queueLimit?: number | undefined } = {}) {
    this.#root = root;
    this.#tracker = tracker;
    this.#sink = sink;
    this.#watchDir = seams.watchDir ?? nodeWatchDir;
    this.#queueLimit = seams.queueLimit ?? inotifyQueueLimit();
  }

  /**
   * Watches the root and every directory the ignore rules keep, yielding to the event loop every
   * {@link kDirsPerTurn} directories so that a big tree does not stall the process. Events that
   * arrive meanwhile are handled as usual: a directory they add is skipped by the walk later.
   */
  async start(): Promise<void> {
    const stack = [''];
    while (stack.length > 0 && !this.#closed) {
      this.#walk(stack, false, kDirsPerTurn);
      if (stack.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** @returns the number of directories watched */
  dirCount(): number {
    return this.#dirs.size;
  }

  /** Closes every watcher; idempotent. */
  close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#dirs.values()) w.close();
    this.#dirs.clear();
    this.#inodes.clear();
    this.#subdirs.clear();
    return Promise.resolve();
  }

  // Watches a directory that appeared, and its kept subdirectories, reporting their files.
  #addTree(top: string): void {
    this.#walk([top], true, Infinity);
  }

  // Watches up to `budget` directories from the stack, pushing their kept subdirectories;
  // `report` upserts the files found (not at start).
  #walk(stack: string[], report: boolean, budget: number): void {
    for (let n = 0; n < budget && stack.length > 0 && !this.#closed; n++) {
      const dir = stack.pop()!;
      if (this.#dirs.has(dir)) continue;
      const entries = this.#watchAndList(dir);
      if (entries === null) continue;
      this.#tracker.enter(dir, (name) => entries.some((e) => e.name === name && !e.isDirectory()));
      for (const e of entries) {
        const rel = dir === '' ? e.name : `${dir}/${e.name}`;
        const isDir = e.isDirectory();
        if (!isDir && !e.isFile() && !e.isSymbolicLink()) continue;
        if (this.#tracker.ignores(rel, isDir)) continue;
        if (isDir) stack.push(rel);
        else if (report) this.#sink.upsert(rel);
      }
    }
  }

  #watchAndList(dir: string): Dirent[] | null {
    const abs = join(this.#root, dir);
    let watcher: DirWatcher;
    try {
      watcher = this.#watchDir(abs, (event, filename) => this.#onEvent(dir, watcher, event, filename));
    } catch (err) {
      if (!isGone(err)) this.#sink.rescan(`cannot watch "${dir || '.'}": ${reasonOf(err)}`, asError(err));
      return null;
    }
    watcher.on('error', (err) => {
      this.#sink.rescan(`watcher of "${dir || '.'}" failed: ${reasonOf(err)}`, err);
      if (this.#dirs.get(dir) === watcher) this.#dropDir(dir);
    });
    this.#dirs.set(dir, watcher);
    const st = lstatSync(abs, { throwIfNoEntry: false });
    if (st !== undefined) this.#inodes.set(dir, st.ino);
    this.#countSubdir(dir, 1);
    try {
      return readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      this.#dropDir(dir);
      if (!isGone(err)) this.#sink.rescan(`cannot list "${dir || '.'}": ${reasonOf(err)}`, asError(err));
      return null;
    }
  }

  #onEvent(dir: string, watcher: DirWatcher, event: string, filename: string | null): void {
    if (this.#closed || this.#dirs.get(dir) !== watcher) return;
    if (++this.#turnEvents === 1) setImmediate(() => (this.#turnEvents = 0));
    if (this.#turnEvents === this.#queueLimit) this.#sink.resync(`${this.#queueLimit} events in one read: the inotify queue (max_queued_events) may have overflowed`);
    if (filename === null) {
      this.#sink.rescan(`watcher of "${dir || '.'}" reported an event without a file name`);
      return;
    }
    const rel = dir === '' ? filename : `${dir}/${filename}`;
    if (event === 'change') this.#changed(rel);
    else this.#renamed(dir, rel);
  }

  #changed(rel: string): void {
    if (this.#dirs.has(rel) || this.#tracker.ignores(rel, false)) return;
    // A directory's attributes changed (its own watcher, or an ignored `dir/` pattern): no file.
    if (this.#tracker.ignores(rel, true) && this.#lstat(rel)?.isDirectory() === true) return;
    this.#sink.upsert(rel);
  }

  #renamed(dir: string, rel: string): void {
    const st = this.#lstat(rel);
    const wasDir = this.#dirs.has(rel);
    // The directory we watch is still there: the event of its creation, arriving after the
    // listing of its parent found it (a burst of `mkdir -p`). Already watched and listed.
    if (wasDir && st?.isDirectory() === true && st.ino === this.#inodes.get(rel)) return;
    // A watched directory went away, or another one was moved over it: unwatch it, and watch
    // whatever is there now as new.
    if (wasDir) {
      this.#dropDir(rel);
      this.#sink.removeDir(rel);
    }
    if (st === undefined) {
      // The watched directory itself went away ("rename" of its own name): its parent reports it.
      const self = dir !== '' && basename(rel) === basename(dir) && this.#lstat(dir) === undefined;
      if (!wasDir && !self && !this.#tracker.ignores(rel, false)) this.#sink.remove(rel);
    } else if (st.isDirectory()) {
      if (!this.#tracker.ignores(rel, true)) this.#addTree(rel);
    } else if ((st.isFile() || st.isSymbolicLink()) && !this.#tracker.ignores(rel, false)) {
      this.#sink.upsert(rel);
    }
  }

  // Unwatches a directory and everything under it. `rm -r` removes the deepest directories
  // first, so most calls find no watched subdirectory and skip the scan of the whole map.
  #dropDir(rel: string): void {
    const leaf = !this.#subdirs.has(rel);
    if (leaf) this.#unwatch(rel);
    else {
      const prefix = `${rel}/`;
      for (const dir of [...this.#dirs.keys()]) if (dir === rel || dir.startsWith(prefix)) this.#unwatch(dir);
    }
    this.#tracker.forget(rel, leaf);
  }

  #unwatch(dir: string): void {
    this.#dirs.get(dir)?.close();
    this.#dirs.delete(dir);
    this.#inodes.delete(dir);
    this.#subdirs.delete(dir);
    this.#countSubdir(dir, -1);
  }

  #countSubdir(dir: string, delta: number): void {
    if (dir === '') return;
    const slash = dir.lastIndexOf('/');
    const parent = slash < 0 ? '' : dir.slice(0, slash);
    const n = (this.#subdirs.get(parent) ?? 0) + delta;
    if (n > 0) this.#subdirs.set(parent, n);
    else this.#subdirs.delete(parent);
  }

  #lstat(rel: string): ReturnType<typeof lstatSync> {
    try {
      return lstatSync(join(this.#root, rel), { throwIfNoEntry: false });
    } catch {
      return undefined; // ENOTDIR and the like: the path is gone as far as we can tell
    }
  }
}

function isGone(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

import { statSync, type Stats } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { watch, type ChokidarOptions, type FSWatcher } from 'chokidar';
import type { IgnoreTracker } from './ignore-tracker.js';
import type { WatchBackend, WatchSink } from './watch-types.js';

/**
 * chokidar tuned for a code tree: the ignore rules are its `ignored` function, so an ignored
 * directory is never listed or watched; no initial events; no stats unless chokidar needs them;
 * no polling; no write-finish polling (a half-written file is reported again when the write
 * ends); no atomic-save delay (it holds every unlink 100 ms to turn unlink + add into change,
 * which our batches coalesce anyway); symbolic links reported, not followed.
 */
export const kTunedChokidarOptions: Readonly<ChokidarOptions> = {
  persistent: true,
  ignoreInitial: true,
  followSymlinks: false,
  usePolling: false,
  alwaysStat: false,
  atomic: false,
  awaitWriteFinish: false,
  ignorePermissionErrors: true,
};

/**
 * The chokidar implementation. chokidar drops a `change` of a file within 50 ms of the previous
 * one (a leading-edge throttle with no trailing event), so a second save right after a first
 * would be lost; its `raw` events are not throttled, and a raw change from a file's own watcher
 * is reported as an upsert too.
 */
export class ChokidarBackend implements WatchBackend {
  readonly #root: string;
  readonly #tracker: IgnoreTracker;
  readonly #sink: WatchSink;
  readonly #options: Readonly<ChokidarOptions>;
  #fsw: FSWatcher | null = null;

  /**
   * @param root - absolute path of the root
   * @param tracker - the ignore rules
   * @param sink - receives the changes
   * @param options - @internal chokidar options (the benchmark measures the defaults too)
   */
  constructor(root: string, tracker: IgnoreTracker, sink: WatchSink, options: Readonly<ChokidarOptions> = kTunedChokidarOptions) {
    this.#root = root;
    this.#tracker = tracker;
    this.#sink = sink;
    this.#options = options;
  }

  /** Starts chokidar and waits for its `ready`. */
  async start(): Promise<void> {
    const fsw = watch(this.#root, { ...this.#options, ignored: (path, stats) => this.#ignored(path, stats) });
    this.#fsw = fsw;
    fsw.on('add', (p) => this.#report(p, (r) => this.#sink.upsert(r)));
    fsw.on('change', (p) => this.#report(p, (r) => this.#sink.upsert(r)));
    fsw.on('unlink', (p) => this.#report(p, (r) => this.#sink.remove(r)));
    fsw.on('unlinkDir', (p) => this.#report(p, (r) => this.#sink.removeDir(r)));
    fsw.on('raw', (event, evPath, details) => this.#raw(event, evPath, details));
    fsw.on('error', (err) => this.#sink.rescan(`chokidar: ${(err as Error).message}`, err as Error));
    await new Promise<void>((resolve) => fsw.once('ready', resolve));
  }

  /** @returns the directories chokidar tracks (computed: only for stats) */
  dirCount(): number {
    return this.#fsw === null ? 0 : Object.keys(this.#fsw.getWatched()).length - 1;
  }

  /** Closes chokidar; idempotent. */
  async close(): Promise<void> {
    const fsw = this.#fsw;
    this.#fsw = null;
    await fsw?.close();
  }

  #relative(path: string): string | null {
    if (path.length <= this.#root.length) return null;
    const rel = path.slice(this.#root.length + 1);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }

  #report(path: string, fn: (rel: string) => void): void {
    const rel = this.#relative(path);
    if (rel !== null) fn(rel);
  }

  // Without stats the kind is unknown: ignore only what is ignored either way (chokidar asks
  // again with stats before it watches anything).
  #ignored(path: string, stats?: Stats): boolean {
    const rel = this.#relative(path);
    if (rel === null) return false;
    if (stats !== undefined) return this.#tracker.ignores(rel, stats.isDirectory());
    return this.#tracker.ignores(rel, false) && this.#tracker.ignores(rel, true);
  }

  #raw(event: string, evPath: string, details: unknown): void {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (event !== 'change' || watched === undefined || basename(watched) !== evPath) return;
    const abs = watched.startsWith(this.#root) ? watched : join(this.#root, watched);
    const rel = this.#relative(abs);
    if (rel === null || this.#tracker.ignores(rel, false)) return;
    // A directory's watcher reporting a child of the same name looks the same: keep files only.
    if (statSync(abs, { throwIfNoEntry: false })?.isFile() === true) this.#sink.upsert(rel);
  }
}

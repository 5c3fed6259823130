import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { tesseraError } from '../../../protocol/index.js';
import { graphProblem, kBinarySniffBytes, kDefaultMaxFileBytes, nulOffset, type GraphProblem } from '../parse/index.js';
import { IgnoreRules, isIgnored } from './ignore-rules.js';
import { nodeScanFs, type ScanFs } from './scan-fs.js';

/** Options of {@link scanTree}. */
export interface ScanOptions {
  /** Files over this many bytes are reported and skipped (default 1 MiB). */
  maxFileBytes?: number;
  /** Skip files with a NUL byte in their first 8 KB (default true; costs one read per file). */
  sniffBinary?: boolean;
  /** Follow symbolic links to files and to directories outside the root (default true). */
  followSymlinks?: boolean;
  /** Ignore files read in every directory, later ones overriding earlier ones (default `.gitignore`, `.tesseraignore`). */
  ignoreFileNames?: readonly string[];
  /** Extra gitignore patterns for the whole tree, with the precedence of `.git/info/exclude`. */
  ignorePatterns?: readonly string[];
  /** Files stat'ed and sniffed at once (default 32). */
  concurrency?: number;
  /** @internal File-system calls, replaced in tests. */
  fs?: ScanFs;
}

/** A file to index. */
export interface ScannedFile {
  /** Relative to the root, `/`-separated. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** A path the scan skipped for a reason worth reporting; never fatal. */
export interface ScanProblem extends GraphProblem {
  /** Relative to the root. */
  path: string;
}

/** Counters, updated while the scan runs (for progress reports). */
export interface ScanStats {
  dirs: number;
  files: number;
  bytes: number;
  ignored: number;
  tooLarge: number;
  binary: number;
  /** Links not followed: `followSymlinks` off, or a directory link whose target is scanned anyway. */
  linksSkipped: number;
  problems: number;
}

interface DirJob {
  abs: string;
  rel: string;
  /** Real path of the directory (its link target's, inside a followed link). */
  real: string;
  layers: readonly IgnoreRules[];
}

interface Listing {
  files: { rel: string; abs: string }[];
  dirs: DirJob[];
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Walks a directory tree as an async iterator of files, honouring ignore files. Single use:
 * iterate it once; `problems` and `stats` fill in as it goes.
 */
export class TreeScan implements AsyncIterable<ScannedFile> {
  readonly root: string;
  /** Unreadable paths, symlink loops, files too large or binary: reported, never fatal. */
  readonly problems: ScanProblem[] = [];
  readonly stats: ScanStats = { dirs: 0, files: 0, bytes: 0, ignored: 0, tooLarge: 0, binary: 0, linksSkipped: 0, problems: 0 };
  readonly #fs: ScanFs;
  readonly #maxFileBytes: number;
  readonly #sniffBinary: boolean;
  readonly #followSymlinks: boolean;
  readonly #ignoreFileNames: readonly string[];
  readonly #ignorePatterns: readonly string[];
  readonly #concurrency: number;
  readonly #outsideTargets = new Set<string>();
  #rootReal = '';
  #started = false;

  /** @param root - the directory to scan; @param options - see {@link ScanOptions} */
  constructor(root: string, options: ScanOptions = {}) {
    this.root = root;
    this.#fs = options.fs ?? nodeScanFs;
    this.#maxFileBytes = options.maxFileBytes ?? kDefaultMaxFileBytes;
    this.#sniffBinary = options.sniffBinary ?? true;
    this.#followSymlinks = options.followSymlinks ?? true;
    this.#ignoreFileNames = options.ignoreFileNames ?? ['.gitignore', '.tesseraignore'];
    this.#ignorePatterns = options.ignorePatterns ?? [];
    this.#concurrency = Math.max(1, options.concurrency ?? 32);
  }

  /**
   * @returns the files, each directory's files in name order, then its subdirectories depth first
   * @throws TypeError when iterated a second time; ERR_GRAPH_SCAN_ROOT (on the first `next()`)
   *   when the root is not a readable directory
   */
  [Symbol.asyncIterator](): AsyncIterator<ScannedFile> {
    if (this.#started) throw new TypeError(`Cannot scan "${this.root}" again: a TreeScan is iterated once`);
    this.#started = true;
    return this.#walk();
  }

  async *#walk(): AsyncGenerator<ScannedFile> {
    const stack: DirJob[] = [await this.#rootJob()];
    for (let job = stack.pop(); job !== undefined; job = stack.pop()) {
      const listing = await this.#list(job);
      if (listing === null) continue;
      this.stats.dirs++;
      for (let i = 0; i < listing.files.length; i += this.#concurrency) {
        const checked = await Promise.all(listing.files.slice(i, i + this.#concurrency).map((f) => this.#checkFile(f.rel, f.abs)));
        for (const file of checked) if (file !== null) yield file;
      }
      for (let i = listing.dirs.length - 1; i >= 0; i--) stack.push(listing.dirs[i]!);
    }
  }

  async #rootJob(): Promise<DirJob> {
    try {
      if (!(await this.#fs.stat(this.root)).isDirectory()) throw new Error('not a directory');
      this.#rootReal = await this.#fs.realpath(this.root);
    } catch (err) {
      throw tesseraError('ERR_GRAPH_SCAN_ROOT', { root: this.root, reason: reasonOf(err) });
    }
    const layers: IgnoreRules[] = [];
    try {
      layers.push(new IgnoreRules('', await this.#fs.readFile(join(this.root, '.git', 'info', 'exclude'))));
    } catch {
      // No .git/info/exclude: the usual case, and nothing to report.
    }
    if (this.#ignorePatterns.length > 0) layers.push(new IgnoreRules('', this.#ignorePatterns.join('\n')));
    return { abs: this.root, rel: '', real: this.#rootReal, layers };
  }

  // Reads one directory: its ignore files, then its entries sorted and filtered.
  async #list(job: DirJob): Promise<Listing | null> {
    let entries: Dirent[];
    try {
      entries = (await this.#fs.readdir(job.abs)).sort(byName);
    } catch (err) {
      this.#report(graphProblem('ERR_GRAPH_PATH_UNREADABLE', { path: job.rel || '.', op: 'read directory', reason: reasonOf(err) }));
      return null;
    }
    const layers = await this.#layers(job, entries);
    const listing: Listing = { files: [], dirs: [] };
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const rel = job.rel === '' ? entry.name : `${job.rel}/${entry.name}`;
      const abs = join(job.abs, entry.name);
      const kind = entry.isSymbolicLink() ? await this.#linkKind(rel, abs) : entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : null;
      if (kind === null) continue;
      if (isIgnored(layers, rel, kind === 'dir')) {
        this.stats.ignored++;
      } else if (kind === 'file') {
        listing.files.push({ rel, abs });
      } else {
        const real = entry.isSymbolicLink() ? await this.#linkTarget(job, rel, abs) : join(job.real, entry.name);
        if (real !== null) listing.dirs.push({ abs, rel, real, layers });
      }
    }
    return listing;
  }

  async #layers(job: DirJob, entries: readonly Dirent[]): Promise<readonly IgnoreRules[]> {
    let layers = job.layers;
    for (const name of this.#ignoreFileNames) {
      if (!entries.some((e) => e.name === name && !e.isDirectory())) continue;
      const rel = job.rel === '' ? name : `${job.rel}/${name}`;
      try {
        layers = [...layers, new IgnoreRules(job.rel, await this.#fs.readFile(join(job.abs, name)))];
      } catch (err) {
        this.#report(graphProblem('ERR_GRAPH_PATH_UNREADABLE', { path: rel, op: 'read ignore file', reason: reasonOf(err) }));
      }
    }
    return layers;
  }

  async #linkKind(rel: string, abs: string): Promise<'file' | 'dir' | null> {
    if (!this.#followSymlinks) {
      this.stats.linksSkipped++;
      return null;
    }
    try {
      const st = await this.#fs.stat(abs);
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : null;
    } catch (err) {
      this.#report(graphProblem('ERR_GRAPH_PATH_UNREADABLE', { path: rel, op: 'follow link', reason: reasonOf(err) }));
      return null;
    }
  }

  /**
   * Where a directory link leads, or null when it is not followed: a link back to the
   * directory being scanned or one of its ancestors is a loop (reported); a link to another
   * directory inside the root, or to an outside one already scanned, would scan files twice.
   */
  async #linkTarget(job: DirJob, rel: string, abs: string): Promise<string | null> {
    let real: string;
    try {
      real = await this.#fs.realpath(abs);
    } catch (err) {
      this.#report(graphProblem('ERR_GRAPH_PATH_UNREADABLE', { path: rel, op: 'follow link', reason: reasonOf(err) }));
      return null;
    }
    if (job.real === real || job.real.startsWith(real.endsWith('/') ? real : `${real}/`)) {
      this.#report(graphProblem('ERR_GRAPH_SYMLINK_LOOP', { path: rel, target: real }));
      return null;
    }
    if (real.startsWith(`${this.#rootReal}/`) || this.#outsideTargets.has(real)) {
      this.stats.linksSkipped++;
      return null;
    }
    this.#outsideTargets.add(real);
    return real;
  }

  async #checkFile(rel: string, abs: string): Promise<ScannedFile | null> {
    try {
      const st = await this.#fs.stat(abs);
      if (st.size > this.#maxFileBytes) {
        this.stats.tooLarge++;
        this.#report(graphProblem('ERR_GRAPH_FILE_TOO_LARGE', { path: rel, bytes: st.size, limit: this.#maxFileBytes }));
        return null;
      }
      if (this.#sniffBinary && st.size > 0) {
        const nul = nulOffset(await this.#fs.readHead(abs, kBinarySniffBytes));
        if (nul >= 0) {
          this.stats.binary++;
          this.#report(graphProblem('ERR_GRAPH_FILE_BINARY', { path: rel, offset: nul }));
          return null;
        }
      }
      this.stats.files++;
      this.stats.bytes += st.size;
      return { path: rel, size: st.size, mtimeMs: st.mtimeMs };
    } catch (err) {
      this.#report(graphProblem('ERR_GRAPH_PATH_UNREADABLE', { path: rel, op: 'read file', reason: reasonOf(err) }));
      return null;
    }
  }

  #report(problem: GraphProblem): void {
    this.stats.problems++;
    this.problems.push({ ...problem, path: String(problem.details['path']) });
  }
}

/**
 * Starts a scan of a directory tree (lazily: nothing is read until it is iterated).
 * @param root - the directory to scan
 * @param options - size limit, binary sniffing, links, ignore files
 * @returns a single-use async iterable of files, with `problems` and `stats`
 * @example
 * const scan = scanTree('/repo', { maxFileBytes: 512 * 1024 });
 * for await (const file of scan) console.log(file.path, file.size);
 * console.log(scan.problems.length, 'paths skipped');
 */
export function scanTree(root: string, options: ScanOptions = {}): TreeScan {
  return new TreeScan(root, options);
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

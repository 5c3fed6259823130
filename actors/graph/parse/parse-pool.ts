/**
 * A bounded pool of parse threads (piscina). Threads start on demand, one per core at most by
 * default, and stop after `idleTimeoutMs` without work, so an idle pool costs nothing.
 *
 *   caller ── parseFiles(root, paths) ──▶ batches of `batchSize` paths
 *                                          │  piscina queue
 *                     ┌────────────────────┼────────────────────┐
 *                     ▼                    ▼                    ▼
 *               worker 1               worker 2    …      worker N       (dist/…/parse-worker.js)
 *               read + parse           read + parse        read + parse
 *                     └──── FileTags[] (structured clone) ──────┘
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { FileTags } from './file-tags.js';
import { kDefaultMaxFileBytes } from './parse-file.js';
import { kDefaultParseTimeoutMs } from './parse-source.js';
import type { ParseBatchTask } from './parse-worker.js';
import type { ScanFilesResult, ScanFilesTask } from './scan-files.js';

/** Options of {@link ParsePool}. */
export interface ParsePoolOptions {
  /** Most threads at once (default: the machine's available parallelism). */
  maxThreads?: number;
  /** A thread with no work for this long exits (default 5000 ms). */
  idleTimeoutMs?: number;
  /** Files over this many bytes are reported, not parsed (default 1 MiB). */
  maxFileBytes?: number;
  /** Parsing one file is cancelled after this long (default 5000 ms). */
  timeoutMs?: number;
  /** Files per task in {@link ParsePool.parseFiles} (default 32). */
  batchSize?: number;
  /**
   * Return each file's text as `content` (default false). A full-text index needs the text;
   * taking it from the parse thread reads each file once and keeps tags and text consistent.
   */
  withContent?: boolean;
}

// Resolved next to this module: from dist/ this is the compiled worker.
const workerFile = new URL('./parse-worker.js', import.meta.url).href;

/**
 * Parses files on worker threads. Results are plain data in the order asked for; a file that
 * cannot be read or parsed comes back with its coded `error`, never as a rejection.
 * @example
 * const pool = new ParsePool();
 * const tags = await pool.parseFiles('/repo', ['src/a.ts', 'lib/b.py']);
 * await pool.close();
 */
export class ParsePool {
  readonly #pool: Piscina<ParseBatchTask | ScanFilesTask, FileTags[] | ScanFilesResult>;
  readonly #maxFileBytes: number;
  readonly #timeoutMs: number;
  readonly #batchSize: number;
  readonly #withContent: boolean;

  /**
   * @param options - thread count, idle timeout, limits and batch size
   * @throws RangeError for a thread count or batch size below 1
   */
  constructor(options: ParsePoolOptions = {}) {
    const maxThreads = options.maxThreads ?? availableParallelism();
    const batchSize = options.batchSize ?? 32;
    if (!(maxThreads >= 1)) throw new RangeError(`Cannot create a parse pool: maxThreads must be at least 1: current value is ${maxThreads}`);
    if (!(batchSize >= 1)) throw new RangeError(`Cannot create a parse pool: batchSize must be at least 1: current value is ${batchSize}`);
    this.#pool = new Piscina<ParseBatchTask | ScanFilesTask, FileTags[] | ScanFilesResult>({
      filename: workerFile,
      minThreads: 0,
      maxThreads,
      idleTimeout: options.idleTimeoutMs ?? 5000,
    });
    this.#maxFileBytes = options.maxFileBytes ?? kDefaultMaxFileBytes;
    this.#timeoutMs = options.timeoutMs ?? kDefaultParseTimeoutMs;
    this.#batchSize = batchSize;
    this.#withContent = options.withContent ?? false;
  }

  /**
   * Parses one batch on one thread.
   * @param root - directory the paths are relative to
   * @param paths - files to parse, reported back as given
   * @param signal - aborts the task if it has not finished
   * @param known - per path, the content hash last indexed: a file that still has it comes back
   *   `unchanged`, not parsed
   * @returns one result per path, in order
   */
  parseBatch(root: string, paths: readonly string[], signal?: AbortSignal, known?: readonly (string | undefined)[]): Promise<FileTags[]> {
    const task: ParseBatchTask = { root, paths: [...paths], maxFileBytes: this.#maxFileBytes, timeoutMs: this.#timeoutMs, withContent: this.#withContent };
    if (known !== undefined) task.known = known.map((h) => h ?? null);
    return this.#pool.run(task, signal === undefined ? {} : { signal }) as Promise<FileTags[]>;
  }

  /**
   * Parses many files, split into batches that run on all threads at once.
   * @param root - directory the paths are relative to
   * @param paths - files to parse
   * @param signal - aborts the batches not yet finished
   * @returns one result per path, in order
   */
  async parseFiles(root: string, paths: readonly string[], signal?: AbortSignal): Promise<FileTags[]> {
    const batches: Promise<FileTags[]>[] = [];
    for (let i = 0; i < paths.length; i += this.#batchSize) {
      batches.push(this.parseBatch(root, paths.slice(i, i + this.#batchSize), signal));
    }
    return (await Promise.all(batches)).flat();
  }

  /**
   * Searches files as the partition that indexed them would (see scan-files.ts), on one thread.
   * @returns the answer, or the first file that changed since it was indexed
   */
  scanFiles(task: ScanFilesTask): Promise<ScanFilesResult> {
    return this.#pool.run(task, { name: 'scanFiles' }) as Promise<ScanFilesResult>;
  }

  /** Live worker threads (0 once idle). */
  get threads(): number {
    return this.#pool.threads.length;
  }

  /** Waits for queued work, then stops the threads. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}

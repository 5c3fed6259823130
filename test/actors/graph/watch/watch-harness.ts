import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { WatchBatch } from '../../../../actors/graph/watch/index.js';

/** Records the batches a watcher delivers and lets a test wait for a condition on them. */
export class BatchLog {
  readonly batches: WatchBatch[] = [];
  readonly errors: Error[] = [];
  #wake: (() => void)[] = [];

  /** Pass as `onBatch`. */
  readonly onBatch = (batch: WatchBatch): void => {
    this.batches.push(batch);
    for (const wake of this.#wake.splice(0)) wake();
  };

  /** Pass as `onError`. */
  readonly onError = (err: Error): void => {
    this.errors.push(err);
  };

  /** Every path named in any batch's list `key`. */
  all(key: 'upserted' | 'removed' | 'removedDirs'): Set<string> {
    return new Set(this.batches.flatMap((b) => b[key]));
  }

  /** Every path named anywhere. */
  mentioned(): Set<string> {
    return new Set(this.batches.flatMap((b) => [...b.upserted, ...b.removed, ...b.removedDirs]));
  }

  /**
   * Waits until `done()` holds, re-checking after each batch.
   * @throws Error naming `what` and the batches so far after `timeoutMs`
   */
  async until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}: batches ${JSON.stringify(this.batches)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until a batch upserts `path`. */
  upserts(path: string): Promise<void> {
    return this.until(`an upsert of "${path}"`, () => this.all('upserted').has(path));
  }
}

/** A temporary directory tree (real path, so events name what the test wrote). */
export class TempTree {
  readonly root = realpathSync(mkdtempSync(join(tmpdir(), 'tessera-watch-')));

  /** Writes a file, creating its directories. */
  write(path: string, text = `// ${path}\n`): void {
    mkdirSync(dirname(join(this.root, path)), { recursive: true });
    writeFileSync(join(this.root, path), text);
  }

  /** Writes a file without blocking the event loop, creating its directories. */
  async writeAsync(path: string, text = `// ${path}\n`): Promise<void> {
    await mkdir(dirname(join(this.root, path)), { recursive: true });
    await writeFile(join(this.root, path), text);
  }

  /** @returns the absolute path */
  abs(path: string): string {
    return join(this.root, path);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

import { open, readFile, rm } from 'node:fs/promises';
import { isProcessAlive } from '../process-alive.js';

/**
 * One process at a time owns a graph store: a lock file holding the owner's pid, created with
 * O_EXCL. A lock whose process is gone (a crash never released it) is taken over.
 */
export class StoreLock {
  readonly #path: string;

  private constructor(path: string) {
    this.#path = path;
  }

  /**
   * Takes the lock.
   * @param path - the lock file
   * @returns the lock, or the pid of the live process that holds it
   */
  static async acquire(path: string): Promise<StoreLock | { heldBy: number }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const file = await open(path, 'wx', 0o600);
        await file.writeFile(`${process.pid}\n`);
        await file.close();
        return new StoreLock(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isProcessAlive(pid)) return { heldBy: pid };
      if (pid === process.pid) return { heldBy: pid }; // another graph of this process owns it
      await rm(path, { force: true }); // its owner died: take it over
    }
    return { heldBy: -1 };
  }

  /** Releases the lock. Idempotent. */
  release(): Promise<void> {
    return rm(this.#path, { force: true });
  }
}

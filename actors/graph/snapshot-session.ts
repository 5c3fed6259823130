import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.js';

/**
 * A snapshot directory owned by one open graph: `<base>/session-<pid>-<random>`. A graph always
 * indexes its tree afresh, so snapshots left by an earlier graph on the same root must never be
 * loaded: each graph writes into its own session, removes it on close, and removes sessions
 * whose process is gone (a graph that crashed never closed).
 */
export class SnapshotSession {
  /** The session's directory. */
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Creates a session under `base` (created if missing) and removes sessions of dead processes.
   * @param base - the graph's snapshot directory
   * @returns the session
   */
  static async create(base: string): Promise<SnapshotSession> {
    await mkdir(base, { recursive: true });
    await removeOrphans(base);
    return new SnapshotSession(await mkdtemp(join(base, `session-${process.pid}-`)));
  }

  /** Deletes the session's directory and everything in it. */
  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

async function removeOrphans(base: string): Promise<void> {
  for (const name of await readdir(base)) {
    const pid = /^session-(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && !isProcessAlive(Number(pid))) await rm(join(base, name), { recursive: true, force: true });
  }
}

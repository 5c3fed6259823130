import { readFile, unlink, writeFile } from 'node:fs/promises';

/** What a daemon writes next to its socket. */
export interface PidInfo {
  readonly pid: number;
  readonly root: string;
  readonly socket: string;
  readonly log: string;
  /** ISO time it started. */
  readonly started: string;
  readonly tcpPort: number | null;
}

/**
 * Creates the pid file, failing if it exists: the file is also the lock that keeps two daemons
 * from claiming the same socket.
 * @returns true when created, false when a pid file was already there
 * @throws other file-system errors
 */
export async function createPidFile(path: string, info: PidInfo): Promise<boolean> {
  try {
    await writeFile(path, JSON.stringify(info) + '\n', { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Rewrites a pid file we own (e.g. once the TCP port is known). */
export async function updatePidFile(path: string, info: PidInfo): Promise<void> {
  await writeFile(path, JSON.stringify(info) + '\n', { mode: 0o600 });
}

/** Reads a pid file; undefined when it is missing or unreadable (half-written, corrupt). */
export async function readPidFile(path: string): Promise<PidInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as Partial<PidInfo> | null;
    return info !== null && typeof info === 'object' && typeof info.pid === 'number' ? (info as PidInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a file, ignoring one that is already gone. */
export async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** True when process `pid` exists (it may belong to another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

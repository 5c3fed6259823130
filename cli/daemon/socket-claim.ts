import { stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { tesseraError } from '../../protocol/index.js';
import type { DaemonPaths } from '../paths/daemon-paths.js';
import { createPidFile, processAlive, readPidFile, removeFile, type PidInfo } from '../paths/pid-file.js';
import { ensureSocketDir } from '../paths/socket-dir.js';

/** How long a daemon whose process lives may take to start answering before it counts as stale. */
const kStartingGraceMs = 2000;
const kRetryMs = 100;

/** The outcome of {@link claimSocket}: what was found there before. */
export interface SocketClaim {
  /** True when files of a dead daemon were removed. */
  readonly replacedStale: boolean;
  /** Removes our pid file (if it is still ours) and the socket. */
  release(): Promise<void>;
}

/**
 * Claims a daemon's socket path before listening on it. The pid file, created exclusively, is
 * the lock; a pid file or socket left by a daemon that is gone (its process is dead, or its
 * socket refuses connections) is removed and replaced; a live daemon is refused.
 * @param paths - the daemon's files
 * @param info - what to write in the pid file
 * @returns the claim; the socket path is free to listen on
 * @throws {TesseraError} ERR_DAEMON_ALREADY_RUNNING (where the other daemon is), ERR_DAEMON_SOCKET_DIR
 */
export async function claimSocket(paths: DaemonPaths, info: PidInfo): Promise<SocketClaim> {
  if (paths.custom) await requireDir(paths.dir);
  else await ensureSocketDir(paths.dir);
  let replacedStale = false;
  for (let attempt = 0; !(await createPidFile(paths.pid, info)); attempt++) {
    const other = await liveDaemon(paths);
    if (other !== undefined || attempt >= 3) throw alreadyRunning(paths, other ?? (await readPidFile(paths.pid)));
    await removeFile(paths.pid);
    replacedStale = true;
  }
  // We hold the lock. A socket that still answers belongs to a daemon whose pid file was removed
  // by hand; anything else there is stale.
  if (await answers(paths.socket)) {
    await removeFile(paths.pid);
    throw alreadyRunning(paths, undefined);
  }
  try {
    await stat(paths.socket);
    await removeFile(paths.socket);
    replacedStale = true;
  } catch {
    // no socket file: nothing to replace
  }
  return {
    replacedStale,
    release: async () => {
      const current = await readPidFile(paths.pid);
      if (current?.pid === info.pid) await removeFile(paths.pid);
      await removeFile(paths.socket);
    },
  };
}

/**
 * The pid file's daemon if it is alive and answering. A live process whose socket does not
 * answer yet may be starting: it gets {@link kStartingGraceMs} before it counts as stale.
 */
async function liveDaemon(paths: DaemonPaths): Promise<PidInfo | undefined> {
  let unreadable = 0;
  for (let waited = 0; waited <= kStartingGraceMs; waited += kRetryMs) {
    const info = await readPidFile(paths.pid);
    // Missing, or unreadable twice in a row (not merely being written): stale.
    if (info === undefined && ++unreadable > 1) return undefined;
    if (info !== undefined && !processAlive(info.pid)) return undefined;
    if (info !== undefined && (await answers(paths.socket))) return info;
    await sleep(kRetryMs);
  }
  return undefined;
}

/** True when something accepts connections on the Unix socket `path`. */
export function answers(path: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ path });
    const done = (live: boolean): void => {
      socket.destroy();
      resolve(live);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function requireDir(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch {
    // reported below
  }
  throw tesseraError('ERR_DAEMON_SOCKET_DIR', { dir, reason: 'it is not an existing directory' });
}

function alreadyRunning(paths: DaemonPaths, other: PidInfo | undefined): Error {
  return tesseraError('ERR_DAEMON_ALREADY_RUNNING', {
    root: other?.root ?? '(unknown)',
    socket: paths.socket,
    pid: other?.pid ?? 0,
    started: other?.started ?? '(unknown)',
  });
}

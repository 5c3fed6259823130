import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The files of one daemon: its socket, and the pid file and log next to it. */
export interface DaemonPaths {
  /** The directory holding them. */
  readonly dir: string;
  readonly socket: string;
  /** JSON `{ pid, root, socket, log, started, ... }`; it also serves as the start-up lock. */
  readonly pid: string;
  /** The daemon's pino log (JSON lines). */
  readonly log: string;
  /** True for a `--socket` path chosen by the user (its directory is theirs to manage). */
  readonly custom: boolean;
}

/** Where the per-user socket directory is looked for. */
export interface SocketDirEnv {
  readonly XDG_RUNTIME_DIR?: string | undefined;
}

/**
 * The per-user directory for daemon sockets: `$XDG_RUNTIME_DIR/tessera` when that variable is
 * set (a per-user tmpfs on systemd machines), otherwise `<os tmpdir>/tessera-<uid>`.
 * @param env - the environment (only XDG_RUNTIME_DIR is read)
 * @param uid - the user id (default: the process's; 0 where there is none)
 * @param tmp - the system temporary directory
 */
export function socketDir(env: SocketDirEnv, uid: number = process.getuid?.() ?? 0, tmp: string = tmpdir()): string {
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime !== undefined && runtime !== '' ? join(runtime, 'tessera') : join(tmp, `tessera-${uid}`);
}

/**
 * The name a root's files share: the first 16 hex digits of the SHA-256 of its real path, so
 * one root always maps to one socket and a shell can compute it
 * (`printf %s "$(realpath .)" | sha256sum | cut -c1-16`).
 * @param root - the root's real, absolute path
 */
export function rootHash(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 16);
}

/**
 * The files of the daemon for `root`.
 * @param root - the root's real, absolute path
 * @param options - `socket`: a socket path chosen by the user (its pid file and log get the same
 *   name with `.pid` and `.log` instead of `.sock`); `env`: where XDG_RUNTIME_DIR is read
 * @example
 * daemonPaths('/home/me/repo', { env: { XDG_RUNTIME_DIR: '/run/user/1000' } }).socket;
 * // '/run/user/1000/tessera/3f2a9c0d4b1e7a65.sock'
 */
export function daemonPaths(root: string, options: { socket?: string | undefined; env?: SocketDirEnv } = {}): DaemonPaths {
  if (options.socket !== undefined) {
    const base = options.socket.endsWith('.sock') ? options.socket.slice(0, -'.sock'.length) : options.socket;
    return { dir: dirname(options.socket), socket: options.socket, pid: `${base}.pid`, log: `${base}.log`, custom: true };
  }
  const dir = socketDir(options.env ?? process.env);
  const base = join(dir, rootHash(root));
  return { dir, socket: `${base}.sock`, pid: `${base}.pid`, log: `${base}.log`, custom: false };
}

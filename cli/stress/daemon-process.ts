/**
 * A real `tessera start` daemon as a child process, for the `daemon` stress scenario: started in
 * the foreground with `--json` (its first stdout line says it is ready), private runtime and
 * cache directories, its own socket.
 *
 * @module
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { within } from './within.js';

const kMain = fileURLToPath(new URL('../main.js', import.meta.url));

/** A running daemon. */
export interface DaemonProcess {
  readonly child: ChildProcess;
  readonly socket: string;
  /** Resolves once the process exited (with its code or signal). */
  readonly exited: Promise<number | string>;
}

/**
 * Starts a daemon for `root`, its files under `dir`, and waits until it is ready.
 * @throws when it exits or does not get ready within `ms`
 */
export async function startDaemon(root: string, dir: string, workers: number, ms: number): Promise<DaemonProcess> {
  const socket = join(dir, 'd.sock');
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: dir, XDG_CACHE_HOME: join(dir, 'cache') };
  delete env['TESSERA_DAEMON_CHILD'];
  delete env['TESSERA_GRAPH_MODULE'];
  const args = [kMain, 'start', root, '--json', '--workers', String(workers), '--socket', socket, '--log-level', 'warn'];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<string>((resolve) => lines.once('line', resolve));
  const died = exited.then((how) => Promise.reject(new Error(`tessera start exited (${how}) before it was ready: ${stderr.trim()}`)));
  try {
    await within(ms, 'starting the daemon', Promise.race([ready, died]));
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  died.catch(() => {});
  return { child, socket, exited };
}

/** Stops a daemon with SIGTERM; SIGKILL when it has not exited within `ms`. */
export async function stopDaemon(daemon: DaemonProcess, ms: number): Promise<void> {
  daemon.child.kill('SIGTERM');
  try {
    await within(ms, 'stopping the daemon', daemon.exited);
  } catch {
    daemon.child.kill('SIGKILL');
    await daemon.exited;
  }
}

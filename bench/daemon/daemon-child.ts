/**
 * The daemon under test, as a real child process: `tessera start ROOT --json` in the foreground,
 * on a private socket, so the figures include the socket, the codec and the event loop exactly as
 * users meet them. Also reads the process's CPU time and RSS from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ReadySummary } from '../../cli/daemon/run-daemon.js';
import { daemonEnv } from '../../cli/paths/daemon-env.js';

/** The compiled `tessera` executable (this file is compiled to dist/bench/daemon/). */
const kMain = resolve(dirname(fileURLToPath(import.meta.url)), '../../cli/main.js');

/** A running daemon child. */
export interface DaemonChild {
  readonly child: ChildProcess;
  readonly summary: ReadySummary;
  /** Stops it (SIGTERM, graceful) and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts a daemon on `root` and resolves once it has indexed and answers queries.
 * @param workers - worker threads
 * @throws Error with the daemon's stderr when it exits before it is ready
 */
export async function startDaemonChild(root: string, workers: number): Promise<DaemonChild> {
  const dir = await mkdtemp(join(tmpdir(), 'tb-'));
  const args = [kMain, 'start', root, '--json', '--workers', String(workers), '--socket', join(dir, 'd.sock'), '--log-level', 'warn'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...daemonEnv(process.env), XDG_RUNTIME_DIR: dir, XDG_CACHE_HOME: join(dir, 'cache') } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const first = new Promise<string>((ok) => createInterface({ input: child.stdout }).once('line', ok));
  const line = await Promise.race([first, exited.then(([code]) => Promise.reject(new Error(`tessera start exited (${String(code)}): ${stderr}`)))]);
  return {
    child,
    summary: JSON.parse(line) as ReadySummary,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const kClockTicks = 100;

/** CPU seconds (user + system, all threads) the process has used. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold blanks, start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / kClockTicks;
}

/** The process's resident set, in MiB. */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fromWireError, tesseraError, type TesseraError } from '../../protocol/index.js';
import { DaemonClient } from '../client/daemon-client.js';
import type { ReadySummary } from '../daemon/run-daemon.js';
import { answers } from '../daemon/socket-claim.js';
import { fileSize, lastLogError } from '../format/last-log-error.js';
import type { DaemonPaths } from '../paths/daemon-paths.js';
import type { IndexProgress } from '../service/query-service.js';
import { readPidFile } from '../paths/pid-file.js';
import { ensureSocketDir } from '../paths/socket-dir.js';
import type { CliIo } from './cli-io.js';
import type { ChildReport } from './start-reporters.js';
import { terminalReporter } from './start-reporters.js';
import { daemonEnv } from '../paths/daemon-env.js';

const kMainScript = fileURLToPath(new URL('../main.js', import.meta.url));

/**
 * `tessera start --detach`: spawns the daemon in its own session, logging to its log file,
 * shows its first-index progress, and returns once it answers over a complete first index.
 *
 *   tessera start --detach ──spawn (detached, stdout+stderr → log, IPC)──▶ tessera start (child)
 *        ◀── progress … ready (IPC) ── then the child drops the channel and runs on
 *        ── stats over the socket: state "ready" ──▶ exit 0
 *
 * @param childArgs - the child's command line after the script (see `detachedChildArgs`)
 * @throws {TesseraError} ERR_DAEMON_ALREADY_RUNNING, or the child's own error, or
 *   ERR_DAEMON_START_FAILED with the log's last error when the child died without saying why
 */
export async function startDetached(root: string, paths: DaemonPaths, childArgs: readonly string[], json: boolean, io: CliIo): Promise<ReadySummary> {
  if (await answers(paths.socket)) {
    const other = await readPidFile(paths.pid);
    throw tesseraError('ERR_DAEMON_ALREADY_RUNNING', { root, socket: paths.socket, pid: other?.pid ?? 0, started: other?.started ?? '(unknown)' });
  }
  if (!paths.custom) await ensureSocketDir(paths.dir);
  const logStart = await fileSize(paths.log);
  const log = await open(paths.log, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...process.execArgv, kMainScript, ...childArgs], {
      detached: true,
      stdio: ['ignore', log.fd, log.fd, 'ipc'],
      env: { ...daemonEnv(io.env), TESSERA_DAEMON_CHILD: '1' },
    });
  } finally {
    await log.close();
  }
  const reporter = terminalReporter(io, json, true);
  const interrupt = (): void => {
    child.kill('SIGTERM'); // the user gave up waiting: do not leave a half-started daemon behind
    reporter.clear();
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  try {
    const summary = await childOutcome(child, (p) => reporter.progress(p), root, paths.log, logStart);
    await confirmReady(paths.socket);
    reporter.ready(summary);
    return summary;
  } finally {
    reporter.clear();
    process.off('SIGINT', interrupt);
    if (child.connected) child.disconnect();
    child.unref();
  }
}

function childOutcome(child: ChildProcess, onProgress: (p: IndexProgress) => void, root: string, log: string, logStart: number): Promise<ReadySummary> {
  return new Promise((resolve, reject) => {
    let failure: TesseraError | Error | undefined;
    child.on('message', (report: ChildReport) => {
      if (report.type === 'progress') onProgress(report.progress);
      else if (report.type === 'ready') resolve(report.summary);
      else failure = fromWireError(report.error);
    });
    child.once('error', (err) => reject(tesseraError('ERR_DAEMON_START_FAILED', { root, reason: err.message, log })));
    child.once('exit', (code, signal) => {
      if (failure !== undefined) return reject(failure);
      void lastLogError(log, logStart).then((last) => {
        const how = signal === null ? `it exited with code ${code}` : `it was killed by ${signal}`;
        reject(tesseraError('ERR_DAEMON_START_FAILED', { root, reason: last === undefined ? how : `${how}: ${last}`, log }));
      });
    });
  });
}

/** Asks the daemon itself, over its socket, whether it is ready. */
async function confirmReady(socket: string): Promise<void> {
  const client = await DaemonClient.connect({ socketPath: socket }, { timeoutMs: 10_000 });
  try {
    const stats = await client.stats();
    if (stats.state !== 'ready') throw new Error(`the daemon reports state "${stats.state}" after saying it was ready`);
  } finally {
    await client.close();
  }
}

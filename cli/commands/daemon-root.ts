import { stat, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isTesseraError } from '../../protocol/index.js';
import { DaemonClient } from '../client/daemon-client.js';
import { daemonPaths, type DaemonPaths } from '../paths/daemon-paths.js';
import type { CliIo } from './cli-io.js';
import { usageError } from './parse-command-args.js';
import { shellQuote } from '../format/shell-quote.js';
import { withHint } from './report-error.js';

/**
 * The real path of a ROOT argument, which must be a directory.
 * @throws {TesseraError} ERR_CLI_USAGE when it is missing or not a directory
 */
export async function resolveRoot(command: string, arg: string, cwd: string): Promise<string> {
  const path = resolve(cwd, arg);
  try {
    const real = await realpath(path);
    if ((await stat(real)).isDirectory()) return real;
  } catch {
    // reported below
  }
  throw usageError(command, `ROOT "${arg}" is not a directory`);
}

/**
 * The root a command without ROOT means: the nearest directory, from `cwd` upwards, that has a
 * daemon's pid file; `cwd` itself when none has. So `tessera query def x` works from any
 * subdirectory of a served tree.
 */
export async function findDaemonRoot(cwd: string, env: CliIo['env']): Promise<string> {
  const start = await realpath(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      await stat(daemonPaths(dir, { env }).pid);
      return dir;
    } catch {
      // no daemon here: look further up
    }
    if (dirname(dir) === dir) return start;
  }
}

/** A connected client, and which daemon it talks to. */
export interface DaemonConnection {
  readonly client: DaemonClient;
  readonly root: string;
  readonly paths: DaemonPaths;
}

/**
 * Connects to the daemon of ROOT (or of the root found from the working directory).
 * @param command - the command's name, for errors
 * @param rootArg - the ROOT argument, if given
 * @param socket - a `--socket` path, if given
 * @throws {TesseraError} ERR_DAEMON_NOT_RUNNING (with the `tessera start` command to run), ERR_CLI_USAGE
 */
export async function connectToDaemon(command: string, rootArg: string | undefined, socket: string | undefined, io: CliIo): Promise<DaemonConnection> {
  const root = rootArg === undefined ? await findDaemonRoot(io.cwd, io.env) : await resolveRoot(command, rootArg, io.cwd);
  const paths = daemonPaths(root, { socket, env: io.env });
  try {
    return { client: await DaemonClient.connect({ socketPath: paths.socket }), root, paths };
  } catch (err) {
    if (!isTesseraError(err, 'ERR_DAEMON_NOT_RUNNING')) throw err;
    const start = `tessera start ${shellQuote(root)}${socket === undefined ? '' : ` --socket ${shellQuote(socket)}`}`;
    throw withHint(err, `No daemon is running for ${root}. Start one with: ${start}`);
  }
}

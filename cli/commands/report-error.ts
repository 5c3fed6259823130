import { isTesseraError, toWireError } from '../../protocol/index.js';
import type { CliIo } from './cli-io.js';
import { kExit, type ExitCode } from './exit-codes.js';

/** What to do next, by code, when the code that threw did not say better. */
const kHints: Readonly<Record<string, string>> = {
  ERR_DAEMON_NOT_RUNNING: 'Start one with: tessera start [ROOT]',
  ERR_DAEMON_NOT_READY: 'Wait until "tessera status" says the daemon is ready, then try again.',
  ERR_DAEMON_SOCKET_DIR: 'Make the directory yours with mode 0700, remove it, or pass --socket PATH.',
  ERR_DAEMON_REQUEST_TIMEOUT: 'Check "tessera status"; if the daemon is stuck, restart it: tessera stop, then tessera start.',
  ERR_DAEMON_CONNECTION_CLOSED: 'The daemon stopped or crashed: check "tessera status" and its log.',
  ERR_DAEMON_STOPPING: 'The daemon is shutting down: start it again with tessera start [ROOT].',
  ERR_DAEMON_INDEX_FAILED: 'Check that the root exists and is readable; the log has the details.',
  ERR_GRAPH_FILE_NOT_INDEXED: 'Give FILE relative to the working directory or to ROOT, and check that it is not ignored (.gitignore, .tesseraignore).',
};

/**
 * Attaches what the user should do next to an error, for {@link reportError}.
 * @returns the same error
 */
export function withHint<E extends Error>(error: E, hint: string): E {
  return Object.assign(error, { hint });
}

/**
 * Prints an error the way every command does (`tessera <command>: <message>`, then what to do
 * next) and picks the exit code: 2 for usage errors, 3 when no daemon runs, 4 otherwise.
 * @param err - whatever a command threw
 * @param command - the command's name, or '' for the top level
 */
export function reportError(err: unknown, io: CliIo, command: string): ExitCode {
  const wire = toWireError(err, false);
  const prefix = command === '' ? 'tessera' : `tessera ${command}`;
  const hint = (err as { hint?: unknown } | null)?.hint;
  io.stderr.write(`${prefix}: ${wire.message}\n`);
  const next = typeof hint === 'string' ? hint : kHints[wire.code];
  if (next !== undefined) io.stderr.write(`  ${next}\n`);
  if (!isTesseraError(err) && io.env.TESSERA_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  if (wire.code === 'ERR_CLI_USAGE') return kExit.usage;
  if (wire.code === 'ERR_DAEMON_NOT_RUNNING') return kExit.notRunning;
  return kExit.error;
}

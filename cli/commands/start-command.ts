import { fromWireError } from '../../protocol/index.js';
import { createDaemonLogger } from '../daemon/daemon-logger.js';
import { runDaemon } from '../daemon/run-daemon.js';
import { shellQuote } from '../format/shell-quote.js';
import { daemonPaths } from '../paths/daemon-paths.js';
import { codeGraphOpener } from '../service/open-code-graph.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { resolveRoot } from './daemon-root.js';
import { startDetached } from './detach-daemon.js';
import { kExit, type ExitCode } from './exit-codes.js';
import { withHint } from './report-error.js';
import { ipcReporter, reportChildFailure, terminalReporter } from './start-reporters.js';
import { detachedChildArgs, parseStartOptions, type StartOptions } from './start-options.js';

/** `tessera start [ROOT] ...`. */
export const startCommand: Command = {
  name: 'start',
  summary: 'start the daemon for a tree (foreground, or --detach)',
  help: `Usage: tessera start [ROOT] [--workers N] [--memory-budget MB] [--no-watch] [--no-persist]
                     [--socket PATH] [--tcp PORT] [--detach] [--json] [--log-level LEVEL]

Starts the daemon for ROOT (default: the working directory). It listens at once on a Unix
socket in a per-user directory ($XDG_RUNTIME_DIR/tessera, or $TMPDIR/tessera-UID), builds the
first index (a progress bar on a terminal), prints one line when it is ready, and serves until
Ctrl-C, SIGTERM or "tessera stop". It refuses to start when a daemon already serves ROOT and
says where that one is; the files of a daemon that was killed are replaced.

Options:
  --workers N          worker threads (default: one per core)
  --memory-budget MB   memory the graph may use before it evicts partitions
  --no-watch           do not watch the tree for changes (saved files are then not re-indexed)
  --no-persist         do not keep the index between runs (by default it is kept in the
                       per-user cache, $XDG_CACHE_HOME/tessera or $TMPDIR/tessera-USER, and
                       the next start loads it and re-reads only the files changed meanwhile)
  --socket PATH        listen on PATH instead of the default socket (PATH.pid and PATH.log,
                       with .sock dropped, hold the pid file and the log)
  --tcp PORT           also listen on 127.0.0.1:PORT (0: any free port); any local user can
                       connect to it
  --detach             run in the background, logging to the log file; return once the daemon
                       answers queries over a complete first index, or fail with the log's
                       last error
  --json               print the ready line as one JSON object
  --log-level LEVEL    fatal, error, warn, info (default), debug, trace or silent
  -h, --help           show this help

The log (JSON lines, pino) is next to the socket; "tessera status" shows where.

Exit codes: 0 ready (--detach) or stopped gracefully, 2 usage, 4 failed to start or to index
(already running, socket directory unusable, unreadable root).
`,
  options: {
    workers: { type: 'string' },
    'memory-budget': { type: 'string' },
    'no-watch': { type: 'boolean' },
    'no-persist': { type: 'boolean' },
    socket: { type: 'string' },
    tcp: { type: 'string' },
    detach: { type: 'boolean' },
    json: { type: 'boolean' },
    'log-level': { type: 'string' },
  },
  async run(args, io) {
    const options = parseStartOptions(args);
    const root = await resolveRoot('start', options.rootArg ?? '.', io.cwd);
    const paths = daemonPaths(root, { socket: options.socket, env: io.env });
    try {
      if (options.detach) {
        await startDetached(root, paths, detachedChildArgs(options, root), options.json, io);
        return kExit.ok;
      }
      return await runInForeground(options, root, io);
    } catch (err) {
      throw hintAlreadyRunning(err, root, options);
    }
  },
};

async function runInForeground(options: StartOptions, root: string, io: CliIo): Promise<ExitCode> {
  const child = io.env.TESSERA_DAEMON_CHILD === '1' && process.send !== undefined;
  const paths = daemonPaths(root, { socket: options.socket, env: io.env });
  const terminal = child ? undefined : terminalReporter(io, options.json, false);
  const outcome = await runDaemon(
    {
      root,
      paths,
      open: codeGraphOpener(io.env.TESSERA_GRAPH_MODULE),
      watch: options.watch,
      persist: options.persist,
      logger: createDaemonLogger(paths.log, options.logLevel),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.memoryBudgetMb === undefined ? {} : { memoryBudgetBytes: options.memoryBudgetMb * 1024 * 1024 }),
      ...(options.tcpPort === undefined ? {} : { tcpPort: options.tcpPort }),
    },
    terminal ?? ipcReporter(),
  );
  terminal?.clear();
  if (outcome.code === 0) return kExit.ok;
  if (child) await reportChildFailure(outcome.error);
  throw fromWireError(outcome.error);
}

function hintAlreadyRunning(err: unknown, root: string, options: StartOptions): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== 'ERR_DAEMON_ALREADY_RUNNING') return err;
  const socket = options.socket === undefined ? '' : ` --socket ${shellQuote(options.socket)}`;
  return withHint(err as Error, `Use it as it is, or stop it first: tessera stop ${shellQuote(root)}${socket}`);
}

import { realpath } from 'node:fs/promises';
import { runRepl } from '../repl/run-repl.js';
import type { Command } from './command.js';
import { connectToDaemon } from './daemon-root.js';
import { kExit } from './exit-codes.js';
import { optionalRoot, stringOption } from './parse-command-args.js';

/** `tessera repl [ROOT]`: an interactive shell (or a script reader) over a running daemon. */
export const replCommand: Command = {
  name: 'repl',
  summary: 'an interactive shell over a running daemon (reads commands from a pipe too)',
  help: `Usage: tessera repl [ROOT] [--socket PATH]

Opens a shell on the daemon serving ROOT (default: the nearest served directory from here
upwards). Type .help inside for the commands: every query (def, refs, complete, search,
outline, imports, importers, impact, map), stats, partitions, workers, watch, send, ...

On a terminal: tab completion of commands and symbol names, a history file
(~/.tessera_repl_history, or $TESSERA_REPL_HISTORY; empty for none), colours (NO_COLOR turns
them off) and the time of each command. With piped input it reads one command per line and
prints plain results on stdout and "error: ..." lines on stderr, e.g.

  printf 'def Foo\\nrefs baz\\n' | tessera repl ROOT

Options:
  --socket PATH  talk to the daemon on this socket instead of ROOT's default one
  -h, --help     show this help

Exit codes: 0 every command ran, 3 no daemon running, 4 a command failed.
`,
  options: { socket: { type: 'string' } },
  async run(parsed, io) {
    const { client, root } = await connectToDaemon('repl', optionalRoot('repl', parsed), stringOption(parsed, 'socket'), io);
    try {
      const failures = await runRepl({ client, root, cwd: await realpath(io.cwd), input: process.stdin, output: process.stdout, errOutput: io.stderr, env: io.env });
      return failures > 0 ? kExit.error : kExit.ok;
    } finally {
      await client.close();
    }
  },
};

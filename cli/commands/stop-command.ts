import type { Command } from './command.js';
import { connectToDaemon } from './daemon-root.js';
import { kExit } from './exit-codes.js';
import { optionalRoot, stringOption } from './parse-command-args.js';

/** `tessera stop [ROOT]`. */
export const stopCommand: Command = {
  name: 'stop',
  summary: 'stop a daemon gracefully',
  help: `Usage: tessera stop [ROOT] [--socket PATH] [--json]

Stops the daemon serving ROOT (default: the nearest served directory from here upwards), the
same way SIGTERM does: it finishes the requests in flight, closes the graph (flushing its
snapshots), removes its socket and pid file, and exits. Returns once all that is done.

Options:
  --socket PATH   the daemon's socket, if it was started with --socket
  --json          print {"stopped": true, "pid": N, "root": "..."} instead of a sentence
  -h, --help      show this help

Exit codes: 0 stopped, 3 no daemon running, 2 usage, 4 other errors.
`,
  options: { socket: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const { client, root } = await connectToDaemon('stop', optionalRoot('stop', args), stringOption(args, 'socket'), io);
    const { pid } = await client.stats();
    await client.shutdown();
    const report = args.values.json === true ? JSON.stringify({ stopped: true, pid, root }) : `tessera: stopped the daemon for ${root} (pid ${pid})`;
    io.stdout.write(report + '\n');
    return kExit.ok;
  },
};

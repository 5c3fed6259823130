import { statusText } from '../format/status-text.js';
import type { Command } from './command.js';
import { connectToDaemon } from './daemon-root.js';
import { kExit } from './exit-codes.js';
import { optionalRoot, stringOption } from './parse-command-args.js';

/** `tessera status [ROOT] [--json]`. */
export const statusCommand: Command = {
  name: 'status',
  summary: "show a daemon's state, memory, workers, partitions and latency",
  help: `Usage: tessera status [ROOT] [--json] [--socket PATH]

Shows the daemon serving ROOT (default: the nearest served directory from here upwards):
state and uptime, RSS, memory budget and pressure, workers and restarts, partitions resident
and evicted, cache hit rate, requests, and p50/p99 latency per operation.

Options:
  --json          print the daemon's stats as one JSON object
  --socket PATH   talk to the daemon on this socket instead of ROOT's default one
  -h, --help      show this help

Exit codes: 0 running, 3 no daemon running, 2 usage, 4 other errors.
`,
  options: { json: { type: 'boolean' }, socket: { type: 'string' } },
  async run(args, io) {
    const { client } = await connectToDaemon('status', optionalRoot('status', args), stringOption(args, 'socket'), io);
    try {
      const stats = await client.stats();
      io.stdout.write(args.values.json === true ? JSON.stringify(stats) + '\n' : statusText(stats));
      return kExit.ok;
    } finally {
      await client.close();
    }
  },
};

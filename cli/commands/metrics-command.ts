import { prometheusText } from '../format/prometheus-text.js';
import type { Command } from './command.js';
import { connectToDaemon } from './daemon-root.js';
import { kExit } from './exit-codes.js';
import { optionalRoot, stringOption } from './parse-command-args.js';

/** `tessera metrics [ROOT]`. */
export const metricsCommand: Command = {
  name: 'metrics',
  summary: "print a daemon's metrics in the Prometheus text format",
  help: `Usage: tessera metrics [ROOT] [--socket PATH]

Prints the metrics of the daemon serving ROOT in the Prometheus text exposition format
(version 0.0.4), e.g. for a node_exporter textfile collector:

  tessera metrics > /var/lib/node_exporter/tessera.prom

Options:
  --socket PATH   talk to the daemon on this socket instead of ROOT's default one
  -h, --help      show this help

Exit codes: 0 printed, 3 no daemon running, 2 usage, 4 other errors.
`,
  options: { socket: { type: 'string' } },
  async run(args, io) {
    const { client } = await connectToDaemon('metrics', optionalRoot('metrics', args), stringOption(args, 'socket'), io);
    try {
      io.stdout.write(prometheusText(await client.stats()));
      return kExit.ok;
    } finally {
      await client.close();
    }
  },
};

import type { BenchArgs } from './bench-args.js';
import type { BenchResult } from './report.js';
import { runTransportBench } from './transport/transport-bench.js';
import { runRuntimeBench } from './runtime/runtime-bench.js';
import { runGraphBench } from './graph/graph-bench.js';
import { runGraphAgreement } from './graph/agreement.js';

/** A benchmark the entry point can run. */
export interface Bench {
  description: string;
  run(args: BenchArgs): Promise<BenchResult>;
}

/** Every benchmark by name. */
export const benches: Record<string, Bench> = {
  transport: {
    description: 'SharedArrayBuffer ring + msgpack vs postMessage: throughput, round trips, idle CPU',
    run: runTransportBench,
  },
  runtime: {
    description: 'Actor runtime: pipelined asks vs a postMessage design, activation from snapshots, 10k actors under a budget',
    run: runRuntimeBench,
  },
  graph: {
    description: 'Code graph on >= 1M lines (pinned npm packages or --root): index time vs universal-ctags, memory, def/refs/complete latency, search vs ripgrep, cache hit rate',
    run: runGraphBench,
  },
  daemon: { description: 'Daemon as a child process: ping and def round trips over the socket, a JSON line via nc, 100x100 clients, idle CPU and RSS', run: async (args) => (await import('./daemon/daemon-bench.js')).runDaemonBench(args) },
  live: {
    description: 'Live updates on >= 1M lines: save -> query latency, a 1,000-file burst, cold vs warm start, the watcher\'s setup time and memory',
    run: async (args) => (await import('./live/live-bench.js')).runLiveBench(args),
  },
  'graph-agreement': {
    description: 'Code graph vs real tools: search equals ripgrep\'s (file, line) sets; definitions cover universal-ctags\' per language',
    run: runGraphAgreement,
  },
  scale: {
    description: 'Code graph at 1/8, 1/4, 1/2 and all of the Linux kernel (Debian linux-source; --quick: the pinned npm corpus) under --memory-budget MB (default 1024; --sizes 1,2 for some sizes, in eighths): index time vs ctags, peak RSS, def p99, search vs ripgrep, growth exponents',
    run: async (args) => (await import('./scale/scale-bench.js')).runScaleBench(args),
  },
};

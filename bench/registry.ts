import type { BenchArgs } from './bench-args.js';
import type { BenchResult } from './report.js';
import { runTransportBench } from './transport/transport-bench.js';
import { runRuntimeBench } from './runtime/runtime-bench.js';

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
};

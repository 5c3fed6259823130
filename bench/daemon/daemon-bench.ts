/**
 * `npm run -s bench -- daemon [--root PATH] [--json] [--quick]`: the daemon as users meet it, a
 * child process on a Unix socket (ROOT defaults to the working directory, 2 workers):
 *
 *   bench process ──msgpack frames──▶ tessera start ROOT (child) ──rings──▶ 2 workers
 *   sh -c 'printf … | nc -U -N SOCK' ──JSON line──▶ the same socket
 *
 * Ping and def round trips (with the CPU each thread spends per steady def), a JSON line through
 * netcat, 100 × 100 concurrent clients, then CPU and RSS while idle (60 s, 10 s with --quick),
 * from /proc/<pid>/stat and /proc/<pid>/status.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'node:path';
import { DaemonClient } from '../../cli/client/daemon-client.js';
import type { BenchArgs } from '../bench-args.js';
import { alternate } from '../graph/query-sample.js';
import type { BenchResult, BenchRow } from '../report.js';
import { cpuSeconds, rssMb, startDaemonChild } from './daemon-child.js';
import { jsonlDefMs, jsonlTool } from './jsonl-shell.js';
import { defLatency, manyClients, pingRtt, symbolNames } from './socket-latency.js';
import { fileURLToPath } from 'node:url';

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs the daemon benchmark (see the file header). */
/** The small tree of the idle RSS figure (issue 6: "2 workers, small tree"). */
const kSmallTree = fileURLToPath(new URL('../../../test/fixtures/repos/typescript', import.meta.url));

export async function runDaemonBench(args: BenchArgs): Promise<BenchResult> {
  const root = resolve(args.root ?? process.cwd());
  const idleS = args.quick ? 10 : 60;
  const progress = (what: string): boolean => process.stderr.write(`daemon bench: ${what}\n`);
  progress(`starting the daemon on ${root} (2 workers)`);
  const daemon = await startDaemonChild(root, 2);
  try {
    const { socket, pid } = daemon.summary;
    const client = await DaemonClient.connect({ socketPath: socket });
    progress('ping and def round trips');
    const ping = await pingRtt(client, args.quick ? 5_000 : 20_000);
    // Two disjoint halves of the same ranking: the first queries after start, then steady state.
    const [firstNames, names] = alternate(await symbolNames(client, args.quick ? 1_000 : 4_000));
    if (names.length === 0) throw new Error(`daemon bench: the tree at ${root} has no symbols to look up`);
    const def = await defLatency(client, pid, firstNames, names);
    const watching = (await client.stats()).watch;
    await client.close();
    const tool = await jsonlTool();
    progress(`a JSON line through ${tool ?? '(no nc or socat)'}`);
    const jsonl = tool === undefined ? NaN : await jsonlDefMs(tool, socket, names[0]!, 20);
    progress('100 clients x 100 requests');
    const many = await manyClients(socket, names.slice(0, 100), 100, 100);
    progress(`idle for ${idleS} s`);
    await sleep(2_000); // let the burst's garbage collection and timers settle first
    const cpu0 = await cpuSeconds(pid);
    const t0 = performance.now();
    await sleep(idleS * 1000);
    const idleCpu = ((await cpuSeconds(pid)) - cpu0) / ((performance.now() - t0) / 1000) * 100;
    const rss = await rssMb(pid);
    await daemon.stop();
    // The idle RSS is for a small tree: the 3-file TypeScript fixture, same 2 workers.
    progress(`idle RSS on a small tree (${kSmallTree})`);
    const small = await startDaemonChild(kSmallTree, 2);
    let smallRss: number;
    try {
      await sleep((args.quick ? 10 : 30) * 1000);
      smallRss = await rssMb(small.summary.pid);
    } finally {
      await small.stop();
    }
    const json = {
      ping_rtt_p50_us: round(ping.p50),
      ping_rtt_p99_us: round(ping.p99),
      def_socket_p50_us: round(def.p50),
      def_socket_p99_us: round(def.p99),
      def_socket_p99_first_us: round(def.firstP99),
      def_socket_cached_p99_us: round(def.cachedP99),
      def_cpu_main_us: round(def.steadyCpu.mainUs),
      def_cpu_other_threads_us: round(def.steadyCpu.otherUs),
      def_cpu_client_us: round(def.steadyCpu.clientUs),
      def_distinct_names: names.length,
      def_jsonl_nc_ms: round(jsonl, 2),
      def_jsonl_tool: tool ?? null,
      idle_cpu_percent: round(idleCpu, 3),
      idle_seconds: idleS,
      idle_watch_requested: watching,
      idle_rss_mb: round(smallRss),
      idle_rss_small_tree: kSmallTree,
      idle_rss_root_mb: round(rss),
      clients_100x100_s: round(many.seconds, 3),
      clients_100x100_wrong: many.wrong,
      files: daemon.summary.files,
      workers: daemon.summary.workers,
      index_ms: daemon.summary.indexMs,
      root,
    };
    return { rows: rows(json), json };
  } finally {
    await daemon.stop();
  }
}

function rows(j: Record<string, number | string | boolean | null>): BenchRow[] {
  const num = (k: string): number => Number(j[k]);
  return [
    { metric: 'ping round trip p50', value: num('ping_rtt_p50_us'), unit: 'µs' },
    { metric: 'ping round trip p99', value: num('ping_rtt_p99_us'), unit: 'µs', target: '< 300 µs', met: num('ping_rtt_p99_us') < 300 },
    { metric: 'def over the socket p99 (distinct names, steady)', value: num('def_socket_p99_us'), unit: 'µs', target: '< 1000 µs', met: num('def_socket_p99_us') < 1000 },
    { metric: 'def over the socket p99 (distinct names, first after start)', value: num('def_socket_p99_first_us'), unit: 'µs' },
    { metric: 'def over the socket p99 (cached)', value: num('def_socket_cached_p99_us'), unit: 'µs' },
    { metric: 'def CPU per request, daemon main thread (steady)', value: num('def_cpu_main_us'), unit: 'µs' },
    { metric: 'def CPU per request, daemon workers + V8 threads (steady)', value: num('def_cpu_other_threads_us'), unit: 'µs' },
    { metric: 'def CPU per request, bench client process (steady)', value: num('def_cpu_client_us'), unit: 'µs' },
    { metric: `def as a JSON line via ${String(j.def_jsonl_tool)} (whole command, median)`, value: num('def_jsonl_nc_ms'), unit: 'ms' },
    { metric: `idle CPU (${num('idle_seconds')} s)`, value: num('idle_cpu_percent'), unit: '%', target: '< 0.5 %', met: num('idle_cpu_percent') < 0.5 },
    { metric: 'idle RSS (2 workers, 3-file tree)', value: num('idle_rss_mb'), unit: 'MiB', target: '<= 100 MB', met: num('idle_rss_mb') <= 100 },
    { metric: 'idle RSS (2 workers, ROOT)', value: num('idle_rss_root_mb'), unit: 'MiB' },
    { metric: '100 clients x 100 defs', value: num('clients_100x100_s'), unit: 's', target: 'all correct', met: num('clients_100x100_wrong') === 0 },
  ];
}

/**
 * One size of the scale benchmark, in a process of its own so that its peak RSS (the kernel's
 * high-water mark, `resourceUsage().maxRSS`) is the graph's alone: open the tree under the
 * memory budget, wait for it to settle, time `def` on sampled names and `search` against
 * ripgrep, and print one JSON line.
 *
 * `def` is timed twice, on distinct names: 300 right after open (`def_p99_first_us`: the code
 * on the query path is still being compiled, snapshot files are opened for the first time),
 * then 300 more after {@link kWarmUpQueries} untimed ones (`def_p99_us`: a daemon that has
 * served a while), as the graph bench does.
 *
 *   node dist/bench/scale/scale-child.js CONFIG.json   (written by scale-bench.ts)
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { CodeGraph } from '../../actors/index.js';
import { quantile, median } from '../stats.js';
import { timeQueries } from '../graph/graph-latency.js';
import { searchVsRg } from '../graph/search-vs-rg.js';

/** What the parent passes. */
export interface ScaleChildConfig {
  readonly root: string;
  readonly budgetMb: number;
  readonly maxFileBytes: number;
  /** Untimed def queries first, then the timed ones right after open, then the steady ones. */
  readonly warm: readonly string[];
  readonly names: readonly string[];
  readonly steady: readonly string[];
  readonly patterns: readonly string[];
  readonly rg: string | null;
  readonly rgPatterns: number;
}

/** What the child prints. */
export interface ScaleChildResult {
  readonly files: number;
  readonly lines: number;
  readonly bytes: number;
  readonly index_s: number;
  readonly rss_mb_peak: number;
  readonly rss_mb_peak_index: number;
  readonly partitions: number;
  readonly evicted_after_index: number;
  readonly def_p50_us: number;
  readonly def_p99_us: number;
  readonly def_answered: number;
  readonly def_p50_first_us: number;
  readonly def_p99_first_us: number;
  /** Seconds from open to settled (the idle work after the first index), and the wide-definition table then. */
  readonly settle_s: number;
  readonly wide_names: number;
  readonly wide_build_s: number;
  readonly search_p50_ms: number;
  readonly rg_ms: number | null;
  readonly rg_agreeing: number;
  readonly rg_compared: number;
}

const kMb = 1024 * 1024;
/** Untimed `def`s between the two timed sets (about 0.1 s at 1/8 of the kernel). */
const kWarmUpQueries = 2000;
const peakMb = (): number => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

async function main(path: string): Promise<ScaleChildResult> {
  const c = JSON.parse(readFileSync(path, 'utf8')) as ScaleChildConfig;
  const t0 = performance.now();
  const graph = await CodeGraph.open({ root: c.root, maxFileBytes: c.maxFileBytes, memoryBudgetBytes: c.budgetMb * kMb });
  const indexS = (performance.now() - t0) / 1000;
  const peakIndex = peakMb();
  try {
    const stats = graph.stats();
    // Let the idle work after a first index run (a full collection, the table of widely
    // defined names) before anything is timed, as a daemon would have by its first query.
    const settling = performance.now();
    await graph.settled();
    const settleS = (performance.now() - settling) / 1000;
    const wide = graph.stats().wideDefs;
    const first = await timeQueries(c.names, c.warm, (n) => graph.def(n, { limit: 100 }));
    // The names already asked again, each with another limit: the same work, no cache hits.
    const seen = [...c.warm, ...c.names];
    for (let i = 0; i < kWarmUpQueries; i++) await graph.def(seen[i % seen.length]!, { limit: 101 + Math.floor(i / seen.length) });
    const def = await timeQueries(c.steady, [], (n) => graph.def(n, { limit: 100 }));
    const search = await searchVsRg(graph, { root: c.root, patterns: c.patterns, rgPatterns: c.rgPatterns, rg: c.rg, maxFileBytes: c.maxFileBytes, limit: 1000 });
    return {
      files: stats.files,
      lines: stats.lines,
      bytes: stats.bytes,
      index_s: indexS,
      rss_mb_peak: peakMb(),
      rss_mb_peak_index: peakIndex,
      partitions: stats.partitions.total,
      evicted_after_index: stats.partitions.evicted,
      def_p50_us: quantile(def.us, 0.5),
      def_p99_us: quantile(def.us, 0.99),
      def_answered: def.answered,
      def_p50_first_us: quantile(first.us, 0.5),
      def_p99_first_us: quantile(first.us, 0.99),
      settle_s: settleS,
      wide_names: wide.names,
      wide_build_s: wide.buildMs / 1000,
      search_p50_ms: median(search.tesseraMs),
      rg_ms: search.rgMs.length > 0 ? median(search.rgMs) : null,
      rg_agreeing: search.agreeing,
      rg_compared: search.compared,
    };
  } finally {
    await graph.close();
  }
}

const config = process.argv[2];
if (config === undefined) {
  process.stderr.write('Usage: node dist/bench/scale/scale-child.js CONFIG.json (run by `npm run -s bench -- scale`)\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await main(config))}\n`);
process.exit(0);

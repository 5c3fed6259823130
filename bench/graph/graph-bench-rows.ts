/**
 * The table of the graph benchmark: each figure next to its peer and its target from issue 4.
 *
 * @module
 */

import type { BenchRow } from '../report.js';

/** The figures the rows read (a subset of the bench's JSON). */
export interface GraphFigures {
  lines: number;
  files: number;
  index_s: number;
  ctags_s: number | null;
  ctags_note: string;
  rss_mb_after_index: number;
  bytes_per_line: number;
  def_p50_us: number;
  def_p99_us: number;
  def_samples: number;
  refs_p99_us: number;
  refs_samples: number;
  complete_p99_us: number;
  complete_samples: number;
  def_p99_first_us: number;
  refs_p99_first_us: number;
  complete_p99_first_us: number;
  search_p50_ms: number;
  search_samples: number;
  search_same_p50_ms: number | null;
  rg_ms: number | null;
  rg_samples: number;
  rg_agreeing: number;
  rg_note: string;
  cache_hit_rate: number;
  cache_queries: number;
  index_mb_per_s_per_core: number;
  workers: number;
  parse_s_1_thread: number;
  parse_only_s_1_thread: number;
  index_floor_s: number;
}

const r2 = (v: number): number => +v.toFixed(2);
const floorMetric = (f: GraphFigures): string =>
  `index floor: parse + tags alone, ${f.parse_s_1_thread} s on 1 thread (parse alone ${f.parse_only_s_1_thread} s), / ${f.workers} cores`;

/**
 * Builds the rows.
 * @param f - the figures
 * @returns rows for printTable
 */
export function graphBenchRows(f: GraphFigures): BenchRow[] {
  const under1ms = (metric: string, us: number, n: number): BenchRow => ({ metric: `${metric} (n=${n})`, value: us, unit: 'µs', target: '< 1000 µs', met: us < 1000 });
  const rows: BenchRow[] = [
    { metric: 'corpus', value: `${f.files.toLocaleString('en-US')} files, ${f.lines.toLocaleString('en-US')} lines` },
    f.ctags_s === null
      ? { metric: 'index (CodeGraph.open)', value: f.index_s, unit: 's', peer: `ctags skipped: ${f.ctags_note}`, target: '<= 1.5x ctags' }
      : { metric: 'index (CodeGraph.open)', value: f.index_s, unit: 's', peer: f.ctags_s, ratio: r2(f.index_s / f.ctags_s), target: '<= 1.5x ctags', met: f.index_s <= 1.5 * f.ctags_s },
    { metric: `index throughput (${f.workers} cores)`, value: f.index_mb_per_s_per_core, unit: 'MB/s/core' },
    // Parsing alone, split perfectly over the cores: no index can be faster, whatever else it does.
    { metric: floorMetric(f), value: f.index_floor_s, unit: 's', ...(f.ctags_s === null ? {} : { peer: f.ctags_s, ratio: r2(f.index_floor_s / f.ctags_s) }) },
    { metric: 'RSS after index', value: f.rss_mb_after_index, unit: 'MB' },
    { metric: 'index memory per line', value: f.bytes_per_line, unit: 'B', target: '<= 150 B', met: f.bytes_per_line <= 150 },
    { metric: `def p50 (n=${f.def_samples})`, value: f.def_p50_us, unit: 'µs' },
    under1ms('def p99, steady', f.def_p99_us, f.def_samples),
    under1ms('refs p99, steady', f.refs_p99_us, f.refs_samples),
    under1ms('complete p99, steady', f.complete_p99_us, f.complete_samples),
    { metric: 'def / refs / complete p99, first after open', value: `${f.def_p99_first_us} / ${f.refs_p99_first_us} / ${f.complete_p99_first_us}`, unit: 'µs' },
    f.rg_ms === null || f.search_same_p50_ms === null
      ? { metric: `search p50, selective (n=${f.search_samples})`, value: f.search_p50_ms, unit: 'ms', peer: `rg skipped: ${f.rg_note}`, target: '<= rg / 10' }
      : {
          metric: `search p50, selective (n=${f.search_samples}; rg n=${f.rg_samples})`,
          value: f.search_p50_ms,
          unit: 'ms',
          peer: f.rg_ms,
          ratio: r2(f.rg_ms / f.search_p50_ms),
          target: '>= 10x faster than rg',
          met: f.search_p50_ms <= f.rg_ms / 10,
        },
    ...(f.rg_ms === null || f.search_same_p50_ms === null
      ? []
      : [
          {
            metric: `search p50 on rg's ${f.rg_samples} patterns`,
            value: f.search_same_p50_ms,
            unit: 'ms',
            peer: f.rg_ms,
            ratio: r2(f.rg_ms / f.search_same_p50_ms),
            target: '>= 10x faster than rg',
            met: f.search_same_p50_ms <= f.rg_ms / 10,
          },
          { metric: 'search = rg (file, line) sets', value: `${f.rg_agreeing}/${f.rg_samples}`, target: 'all', met: f.rg_agreeing === f.rg_samples },
        ]),
    { metric: `cache hit rate (mix x2, ${f.cache_queries} queries)`, value: f.cache_hit_rate },
  ];
  return rows;
}

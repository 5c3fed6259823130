import type { BenchRow } from '../report.js';

/** The figures of one live benchmark run. */
export interface LiveFigures {
  files: number;
  lines: number;
  save_to_query_p50_ms: number;
  save_to_query_p99_ms: number;
  burst_1000_files_s: number;
  cold_start_s: number;
  warm_start_ready_s: number;
  warm_start_full_s: number;
  warm_vs_cold: number;
  offline_changes_found: number;
  watcher_setup_s: number;
  watcher_rss_mb: number;
  chokidar_setup_s: number;
  chokidar_rss_mb: number;
}

/** The table of the live benchmark, with issue 5's targets. */
export function liveBenchRows(f: LiveFigures): BenchRow[] {
  return [
    { metric: 'tree', value: `${f.files} files, ${f.lines} lines` },
    { metric: 'save -> def finds it, p50', value: f.save_to_query_p50_ms, unit: 'ms', target: '< 50 ms', met: f.save_to_query_p50_ms < 50 },
    { metric: 'save -> def finds it, p99', value: f.save_to_query_p99_ms, unit: 'ms', target: '< 200 ms', met: f.save_to_query_p99_ms < 200 },
    { metric: '1,000 files at once -> all found', value: f.burst_1000_files_s, unit: 's' },
    { metric: 'cold start (open + first query)', value: f.cold_start_s, unit: 's' },
    { metric: 'warm start: first query answered', value: f.warm_start_ready_s, unit: 's', peer: f.cold_start_s, ratio: f.warm_vs_cold, target: '< 1 s, >= 10x', met: f.warm_start_ready_s < 1 && f.warm_vs_cold >= 10 },
    { metric: 'warm start: offline changes applied', value: f.warm_start_full_s, unit: 's', target: '10/10 found', met: f.offline_changes_found === 10 },
    { metric: 'watcher setup (fs.watch / chokidar)', value: f.watcher_setup_s, unit: 's', peer: f.chokidar_setup_s },
    { metric: 'watcher RSS (fs.watch / chokidar)', value: f.watcher_rss_mb, unit: 'MB', peer: f.chokidar_rss_mb, target: '~50 MB', met: f.watcher_rss_mb <= 60 },
  ];
}

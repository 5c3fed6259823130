import type { DaemonStats } from '../daemon/daemon-stats.js';

type Sample = readonly [labels: Readonly<Record<string, string>>, value: number | null];

/**
 * The daemon's figures in the Prometheus text exposition format (version 0.0.4): a `# HELP`
 * and `# TYPE` line per metric, then its samples. Figures the daemon does not have yet (before
 * the first index, a quantile without samples) are left out rather than reported as zero.
 * @param s - the daemon's `stats` answer
 * @returns the exposition, ending in a newline
 */
export function prometheusText(s: DaemonStats): string {
  const g = s.graph;
  const out: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter' | 'summary', help: string, samples: readonly Sample[]): void => {
    const present = samples.filter(([, v]) => v !== null && Number.isFinite(v));
    if (present.length === 0) return;
    out.push(`# HELP tessera_${name} ${help}`, `# TYPE tessera_${name} ${type}`);
    for (const [labels, value] of present) out.push(`tessera_${name}${labelText(labels)} ${value}`);
  };
  const ops = Object.entries(s.ops);
  metric('up', 'gauge', 'Whether the daemon answers queries (1) or is still indexing or stopping (0).', [[{}, s.state === 'ready' ? 1 : 0]]);
  metric('uptime_seconds', 'gauge', 'Seconds since the daemon started.', [[{}, s.uptimeMs / 1000]]);
  metric('resident_memory_bytes', 'gauge', 'Resident set size of the daemon process.', [[{}, s.rssBytes]]);
  metric('memory_budget_bytes', 'gauge', 'The memory budget of the graph.', [[{}, g?.memory.budgetBytes ?? null]]);
  metric('memory_used_bytes', 'gauge', 'Memory the graph accounts against its budget.', [[{}, g?.memory.usedBytes ?? null]]);
  metric('memory_pressure', 'gauge', 'The memory pressure level (1 for the current level).', g ? [[{ level: g.memory.pressure }, 1]] : []);
  metric('workers', 'gauge', 'Worker threads, by status.', g ? [[{ status: 'ready' }, g.workers.ready], [{ status: 'other' }, g.workers.total - g.workers.ready]] : []);
  metric('worker_restarts_total', 'counter', 'Worker threads restarted after a crash.', [[{}, g?.restarts ?? null]]);
  metric('partitions', 'gauge', 'Graph partitions, resident in memory or evicted to snapshots.', g ? [[{ state: 'resident' }, g.partitions.resident], [{ state: 'evicted' }, g.partitions.evicted]] : []);
  metric('cache_hit_ratio', 'gauge', 'Share of queries served from a cache.', [[{}, g?.cacheHitRate ?? null]]);
  metric('indexed_files', 'gauge', 'Files in the graph.', [[{}, g?.files ?? null]]);
  metric('connections', 'gauge', 'Open client connections.', [[{}, s.connections]]);
  metric('requests_in_flight', 'gauge', 'Requests being answered.', [[{}, s.requests.inFlight]]);
  metric('requests_total', 'counter', 'Requests answered, by operation.', ops.map(([op, f]) => [{ op }, f.count]));
  metric('request_errors_total', 'counter', 'Requests answered with an error, by operation.', ops.map(([op, f]) => [{ op }, f.errors]));
  metric('request_duration_seconds', 'summary', 'Time to answer a request, over the latest requests, by operation.', ops.flatMap(([op, f]): Sample[] => [
    [{ op, quantile: '0.5' }, f.p50Ms === null ? null : f.p50Ms / 1000],
    [{ op, quantile: '0.99' }, f.p99Ms === null ? null : f.p99Ms / 1000],
  ]));
  return out.join('\n') + '\n';
}

function labelText(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

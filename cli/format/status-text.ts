import type { DaemonStats } from '../daemon/daemon-stats.js';
import { formatBytes, formatDuration, formatMs, plural } from './units.js';

/**
 * `tessera status` for people: one line per concern, then a latency table per operation.
 * @param s - the daemon's `stats` answer
 * @returns lines ending in a newline
 */
export function statusText(s: DaemonStats): string {
  const g = s.graph;
  const state = s.state === 'indexing' ? `indexing (${s.index.phase} ${s.index.done}/${s.index.total})` : s.state;
  const lines = [
    `tessera daemon for ${s.root}`,
    row('state', `${state}, up ${formatDuration(s.uptimeMs)}, pid ${s.pid}, protocol ${s.protocol}`),
    row('socket', s.tcpPort === null ? s.socket : `${s.socket}, tcp 127.0.0.1:${s.tcpPort}`),
    row('log', s.log),
    row('memory', `RSS ${formatBytes(s.rssBytes)}` + (g ? `; budget ${formatBytes(g.memory.budgetBytes)}, used ${formatBytes(g.memory.usedBytes)} (${percent(g.memory.usedBytes / g.memory.budgetBytes)}), pressure ${g.memory.pressure}` : '')),
  ];
  if (g) {
    lines.push(row('workers', `${g.workers.total} (${g.workers.ready} ready), restarts ${g.restarts}`));
    lines.push(row('partitions', `${g.partitions.resident} resident, ${g.partitions.evicted} evicted` + (g.files === null ? '' : `; ${g.files} files`)));
    lines.push(row('cache', g.cacheHitRate === null ? 'hit rate -' : `hit rate ${percent(g.cacheHitRate)}`));
    lines.push(row('live', liveText(g.live)));
  }
  if (s.index.tookMs !== null) lines.push(row('index', `first index in ${formatDuration(s.index.tookMs)}${s.watch ? '' : ' (--no-watch)'}`));
  lines.push(row('requests', `${s.requests.total} (${plural(s.requests.errors, 'error')}), ${s.requests.inFlight} in flight, ${plural(s.connections, 'connection')}`));
  const ops = Object.entries(s.ops).sort(([a], [b]) => a.localeCompare(b));
  if (ops.length > 0) {
    lines.push(`  ${'op'.padEnd(12)}${'count'.padStart(9)}${'p50'.padStart(12)}${'p99'.padStart(12)}`);
    for (const [op, f] of ops) lines.push(`  ${op.padEnd(12)}${String(f.count).padStart(9)}${formatMs(f.p50Ms).padStart(12)}${formatMs(f.p99Ms).padStart(12)}`);
  }
  return lines.join('\n') + '\n';
}

function liveText(l: NonNullable<DaemonStats['graph']>['live']): string {
  const start = l.start === null ? '' : `${l.start} start`;
  const watching = l.watchedDirs === null ? 'not watching' : `watching ${l.watchedDirs} ${l.watchedDirs === 1 ? 'directory' : 'directories'}` + (l.rescans ? `, ${plural(l.rescans, 'rescan')}` : '');
  const updates = l.updates === null ? '' : plural(l.updates, 'update');
  return [start, watching, updates].filter((x) => x !== '').join(', ');
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(11)}${value}`;
}

function percent(ratio: number): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(1)} %` : '-';
}

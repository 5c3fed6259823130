import { formatBytes } from './units.js';

/** A plain row as the daemon's `list` answers it. */
type Row = Readonly<Record<string, unknown>>;

const text = (v: unknown): string => (v === null || v === undefined ? '-' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));
const bytes = (v: unknown): string => (typeof v === 'number' ? formatBytes(v) : '-');

/**
 * Aligned columns, one line per row.
 * @param head - column titles
 * @param cells - one array of cell texts per row
 */
function table(head: readonly string[], cells: readonly string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string => `  ${c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(head), ...cells.map(line)].join('\n') + '\n';
}

/** The `partitions` list: id, state, worker, files, source bytes, index size, version, range start. */
export function partitionsTable(rows: readonly Row[]): string {
  return table(
    ['id', 'state', 'worker', 'files', 'source', 'index', 'version', 'from'],
    rows.map((r) => [text(r.id), text(r.state), text(r.worker), text(r.files), bytes(r.bytes), r.state === 'resident' ? bytes(r.indexBytes) : '-', text(r.version), r.start === '' ? '(start)' : text(r.start)]),
  );
}

/** The `workers` list: slot, status, actors, heap, asks in flight. */
export function workersTable(rows: readonly Row[]): string {
  return table(
    ['slot', 'status', 'actors', 'heap', 'in flight'],
    rows.map((r) => [text(r.slot), text(r.status), text(r.actors), bytes(r.heapUsedBytes), text(r.inFlight)]),
  );
}

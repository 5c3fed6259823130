import { formatBenchValue } from './all/format-bench-value.js';

/** One row of a benchmark's table: what was measured, Tessera's figure, the peer's, the target. */
export interface BenchRow {
  metric: string;
  value: number | string;
  unit?: string;
  peer?: number | string;
  ratio?: number;
  target?: string;
  met?: boolean;
}

/** What a benchmark returns: rows for people, one flat object for scripts. */
export interface BenchResult {
  rows: BenchRow[];
  json: Record<string, unknown>;
}

/**
 * A row's cells: metric, Tessera's figure with its unit, the peer's, the ratio, the target and
 * whether it is met (`missed` marks a miss).
 */
export function benchRowCells(row: BenchRow, missed = 'NO'): string[] {
  const fmt = formatBenchValue;
  return [
    row.metric,
    `${fmt(row.value)}${row.unit ? ' ' + row.unit : ''}`,
    fmt(row.peer),
    row.ratio === undefined ? '' : `${fmt(row.ratio)}x`,
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : missed,
  ];
}

/** Prints the rows as an aligned table on stderr. */
export function printTable(title: string, rows: BenchRow[]): void {
  const cells = rows.map((r) => benchRowCells(r));
  const head = ['metric', 'tessera', 'peer', 'ratio', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  process.stderr.write(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}\n\n`);
}

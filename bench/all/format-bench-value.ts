/**
 * Formats a figure for the stderr table (bench/report.ts) and the generated docs alike: thousands grouped and
 * rounded, smaller numbers to 4 significant digits, strings as they are, undefined as empty.
 */
export function formatBenchValue(v: number | string | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(+v.toPrecision(4));
}

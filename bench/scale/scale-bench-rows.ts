/**
 * The table of the scale benchmark: for each size, index time against universal-ctags, peak RSS
 * against the budget, def p99 against 1 ms and search against ripgrep (issue 8's targets); then
 * the growth exponents.
 *
 * @module
 */

import type { BenchRow } from '../report.js';

const at = (json: Record<string, unknown>, key: string, i: number): number => (json[key] as number[])[i]!;
const sizeLabel = (fraction: number): string => (fraction === 1 ? 'all' : `1/${Math.round(1 / fraction)}`);

/**
 * Rows of the scale table.
 * @param json - the bench's JSON (arrays by size, exponents)
 * @returns one group of rows per size, then the exponents
 */
export function scaleBenchRows(json: Record<string, unknown>): BenchRow[] {
  const rows: BenchRow[] = [];
  const budget = json['memory_budget_mb'] as number;
  (json['fraction'] as number[]).forEach((fraction, i) => {
    const size = `${sizeLabel(fraction)} (${(at(json, 'lines', i) / 1e6).toFixed(1)}M lines)`;
    const ctags = at(json, 'ctags_s', i);
    const rg = at(json, 'rg_ms', i);
    const index = at(json, 'index_s', i);
    rows.push(
      { metric: `${size} index`, value: index, unit: 's', ...(Number.isFinite(ctags) ? { peer: ctags, ratio: index / ctags } : {}), target: '≤ 1.5x ctags', ...(Number.isFinite(ctags) ? { met: index <= 1.5 * ctags } : {}) },
      { metric: `${size} peak RSS`, value: at(json, 'rss_mb_peak', i), unit: 'MiB', target: `≤ ${budget} MiB`, met: at(json, 'rss_mb_peak', i) <= budget },
      { metric: `${size} def p99`, value: at(json, 'def_p99_us', i), unit: 'µs', target: '< 1,000 µs', met: at(json, 'def_p99_us', i) < 1000 },
      ...(Array.isArray(json['def_p99_first_us']) ? [{ metric: `${size} def p99, first 300 after open`, value: at(json, 'def_p99_first_us', i), unit: 'µs' }] : []),
      { metric: `${size} search p50`, value: at(json, 'search_p50_ms', i), unit: 'ms', ...(Number.isFinite(rg) ? { peer: rg, ratio: rg / at(json, 'search_p50_ms', i), met: at(json, 'search_p50_ms', i) < rg } : {}), target: 'faster than rg' },
    );
  });
  const gi = json['growth_exponent_index'] as number | null;
  const gr = json['growth_exponent_rss'] as number | null;
  // A run of one size (--sizes) has no slope.
  if (gi !== null && gr !== null) rows.push({ metric: 'growth exponent, index time', value: gi, target: '≤ 1 (linear)', met: gi <= 1 }, { metric: 'growth exponent, peak RSS', value: gr, target: 'bounded by the budget' });
  return rows;
}

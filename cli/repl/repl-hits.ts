import type { QueryHit } from '../service/query-service.js';
import type { ReplStyle } from './repl-style.js';

/**
 * Query results as the REPL prints them: `file:line: kind name  text`, one per line, the same
 * lines as `tessera query` (cli/format/hits-text.ts) when the style is plain. With colours, a
 * search match's `ranges` (`[start, end)` in `text`) are highlighted.
 * @param results - the results
 * @param style - colours, or none
 * @returns lines ending in a newline ('' when there are none)
 */
export function replHitsText(results: readonly QueryHit[], style: ReplStyle): string {
  let out = '';
  for (const hit of results) {
    const label = [hit.kind === undefined || hit.kind === '' ? '' : style.kind(hit.kind), hit.name === undefined || hit.name === '' ? '' : style.name(hit.name)]
      .filter((part) => part !== '')
      .join(' ');
    const text = highlighted(hit, style);
    out += `${style.file(hit.file)}:${style.line(String(hit.line))}:` + (label === '' ? '' : ` ${label}`) + (text === '' ? '' : `${label === '' ? ' ' : '  '}${text}`) + '\n';
  }
  return out;
}

/** The hit's text, trimmed as hits-text trims it, with its ranges marked. */
function highlighted(hit: QueryHit, style: ReplStyle): string {
  const raw = hit.text ?? '';
  const start = raw.length - raw.trimStart().length;
  const end = raw.trimEnd().length;
  if (start >= end) return '';
  const ranges = validRanges(hit.ranges, start, end);
  let out = '';
  let at = start;
  for (const [from, to] of ranges) {
    out += raw.slice(at, from) + style.match(raw.slice(from, to));
    at = to;
  }
  return out + raw.slice(at, end);
}

/** `[start, end)` pairs, clipped to the trimmed text, in order and not overlapping. */
function validRanges(value: unknown, min: number, max: number): [number, number][] {
  if (!Array.isArray(value)) return [];
  const out: [number, number][] = [];
  let last = min;
  for (const r of value) {
    if (!Array.isArray(r) || typeof r[0] !== 'number' || typeof r[1] !== 'number') continue;
    const from = Math.max(r[0], last);
    const to = Math.min(r[1], max);
    if (from < to) {
      out.push([from, to]);
      last = to;
    }
  }
  return out;
}

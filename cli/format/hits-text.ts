import type { QueryHit } from '../service/query-service.js';

/**
 * Query results for people, one per line, grep-style: `file:line: kind name  text`.
 * @param results - the results
 * @returns lines ending in a newline ('' when there are none)
 */
export function hitsText(results: readonly QueryHit[]): string {
  let out = '';
  for (const hit of results) {
    const label = [hit.kind, hit.name].filter((part) => part !== undefined && part !== '').join(' ');
    const text = hit.text?.trim() ?? '';
    out += `${hit.file}:${hit.line}:` + (label === '' ? '' : ` ${label}`) + (text === '' ? '' : `${label === '' ? ' ' : '  '}${text}`) + '\n';
  }
  return out;
}

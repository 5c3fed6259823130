/**
 * Finds the matching lines of one file's text. Lines are the text split at `\n`; a trailing
 * `\n` ends the last line rather than starting an empty one, and an empty text has no lines.
 *
 * Line scope: a line matches when every pattern matches it. When a pattern has a driver (see
 * line-matcher.ts), the scan jumps from occurrence to occurrence instead of visiting every line.
 * File scope: the file matches when every pattern matches some line; then every line that
 * matches at least one pattern is reported.
 *
 * @module
 */

import { matchLine, mergeRanges, nextOccurrence, type LineMatcher } from './line-matcher.js';

/** Receives a matching line; returns `false` to stop the scan. */
export type LineSink = (line: number, text: string, ranges: [number, number][]) => boolean;

/**
 * Scans a text.
 *
 * @param text A file's text, or a chunk of it that starts and ends at line boundaries.
 * @param matchers The compiled patterns (at least one).
 * @param scope `line` or `file` (then `text` is the whole file).
 * @param firstLine The number of the text's first line.
 * @param sink Receives matching lines in order.
 * @returns `false` when the sink stopped the scan.
 */
export function scanText(text: string, matchers: readonly LineMatcher[], scope: 'line' | 'file', firstLine: number, sink: LineSink): boolean {
  if (scope === 'file') {
    if (!matchers.every((m) => fileHasMatch(text, m))) return true;
    return eachLine(text, firstLine, null, (line, lineText) => {
      const ranges: number[] = [];
      let any = false;
      for (const m of matchers) any = matchLine(m, lineText, ranges) || any;
      return !any || sink(line, lineText, mergeRanges(ranges));
    });
  }
  const driver = matchers.find((m) => m.literal !== null) ?? matchers.find((m) => m.driver !== null) ?? null;
  return eachLine(text, firstLine, driver, (line, lineText) => {
    const ranges: number[] = [];
    for (const m of matchers) if (!matchLine(m, lineText, ranges)) return true;
    return sink(line, lineText, mergeRanges(ranges));
  });
}

function fileHasMatch(text: string, m: LineMatcher): boolean {
  if (m.never) return false;
  if (m.lineSafe) return nextOccurrence(m, text, 0) >= 0;
  let found = false;
  eachLine(text, 1, m.driver === null ? null : m, (_line, lineText) => {
    found = matchLine(m, lineText, []);
    return !found;
  });
  return found;
}

/**
 * Visits lines, or only the lines where `driver` occurs.
 *
 * @returns `false` when the visitor stopped.
 */
function eachLine(text: string, firstLine: number, driver: LineMatcher | null, visit: (line: number, text: string) => boolean): boolean {
  let start = 0;
  let line = firstLine;
  while (start < text.length) {
    if (driver !== null) {
      const hit = nextOccurrence(driver, text, start);
      if (hit < 0) return true;
      for (let nl = text.indexOf('\n', start); nl >= 0 && nl < hit; nl = text.indexOf('\n', start)) {
        start = nl + 1;
        line++;
      }
      // An empty match right after a final `\n` is past the last line.
      if (start >= text.length) return true;
    }
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (!visit(line, text.slice(start, end))) return false;
    if (nl < 0) return true;
    start = nl + 1;
    line++;
  }
  return true;
}

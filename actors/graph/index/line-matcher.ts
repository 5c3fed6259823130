/**
 * Matching one search pattern against lines. A line matches when the pattern's regular
 * expression finds a match anywhere in it (an empty match counts); its highlighted ranges are
 * those of the non-empty matches of a global scan (`lastIndex` steps one code unit past an
 * empty match, as `String.prototype.matchAll` does). Literals run as an escaped regex, or with
 * `indexOf` when case matters (same matches, faster).
 *
 * @module
 */

import { regexQuery } from './regex-trigrams.js';
import { ALL, literalQuery, type TrigramQuery } from './trigram-query.js';

/** A compiled pattern. */
export interface LineMatcher {
  /** Global regular expression for the pattern (state is reset on every use). */
  readonly re: RegExp;
  /** The literal, when `indexOf` can stand in for `re`. */
  readonly literal: string | null;
  /**
   * Whether scanning the whole text finds exactly the lines' matches: true for literals without
   * `\n`, which can neither span lines nor depend on line boundaries.
   */
  readonly lineSafe: boolean;
  /**
   * A whole-text scanner whose matches start at or before every line match, so a scan can jump
   * to the next line that may match: `re` for line-safe literals; for a regex without
   * lookarounds, the same regex with the `m` flag (a match inside a line depends only on that
   * text and on `^ $ \b` at its ends, which `m` reads the same at line ends). `null` when
   * lookarounds could see past a line end.
   */
  readonly driver: RegExp | null;
  /** A literal containing `\n`: it can never match within a line. */
  readonly never: boolean;
  /** What the trigram index must contain for a file to match. */
  readonly query: TrigramQuery;
}

/**
 * Compiles a pattern.
 *
 * @param pattern The literal or regular expression.
 * @param mode How to read it.
 * @param ignoreCase Whether to ignore case (the `i` flag; no `u` flag, so only simple case mapping).
 * @returns The matcher.
 * @throws {RangeError} When a literal is empty.
 * @throws {SyntaxError} When a regular expression is invalid.
 */
export function compileMatcher(pattern: string, mode: 'literal' | 'regex', ignoreCase: boolean): LineMatcher {
  const flags = ignoreCase ? 'gi' : 'g';
  if (mode === 'regex') {
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags);
    } catch (err) {
      throw new SyntaxError(`Cannot search: invalid regular expression "${pattern}": ${(err as Error).message}`);
    }
    const driver = /\(\?<?[=!]/.test(pattern) ? null : new RegExp(pattern, `${flags}m`);
    return { re, literal: null, lineSafe: false, driver, never: false, query: regexQuery(pattern, ignoreCase) };
  }
  if (pattern === '') throw new RangeError('Cannot search: a literal pattern is empty: current value is ""');
  const never = pattern.includes('\n');
  const re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), flags);
  return {
    re,
    literal: ignoreCase ? null : pattern,
    lineSafe: !never,
    driver: never ? null : re,
    never,
    query: never ? ALL : literalQuery(pattern, ignoreCase),
  };
}

/**
 * Whether a pattern should ignore case under smart case: only when it has no upper-case letter
 * (for a regex, escapes like `\W` and `\S` do not count).
 */
export function smartIgnoreCase(pattern: string, mode: 'literal' | 'regex'): boolean {
  const text = mode === 'regex' ? pattern.replace(/\\./g, '') : pattern;
  return !/\p{Lu}/u.test(text);
}

/**
 * Matches one line.
 *
 * @param m The matcher.
 * @param line The line, without its `\n`.
 * @param ranges Receives `start, end` pairs of the non-empty matches.
 * @returns Whether the line matches.
 */
export function matchLine(m: LineMatcher, line: string, ranges: number[]): boolean {
  if (m.never) return false;
  if (m.literal !== null) {
    const len = m.literal.length;
    let i = line.indexOf(m.literal);
    if (i < 0) return false;
    for (; i >= 0; i = line.indexOf(m.literal, i + len)) ranges.push(i, i + len);
    return true;
  }
  const re = m.re;
  re.lastIndex = 0;
  let any = false;
  for (let r = re.exec(line); r !== null; r = re.exec(line)) {
    any = true;
    const end = r.index + r[0].length;
    if (end > r.index) ranges.push(r.index, end);
    else re.lastIndex = end + 1;
  }
  return any;
}

/**
 * Where the next line match of a pattern may start in a whole text.
 *
 * @param m A matcher with a `driver`.
 * @param text The text.
 * @param from Where to start.
 * @returns No later than the next line match's start, or -1 when there is none.
 */
export function nextOccurrence(m: LineMatcher, text: string, from: number): number {
  if (m.literal !== null) return text.indexOf(m.literal, from);
  const driver = m.driver!;
  driver.lastIndex = from;
  const r = driver.exec(text);
  return r === null ? -1 : r.index;
}

/**
 * Sorts `start, end` pairs and merges overlapping or touching ones.
 *
 * @param flat Pairs, in any order.
 * @returns Maximal ranges, increasing.
 */
export function mergeRanges(flat: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const p of pairs) {
    const last = out[out.length - 1];
    if (last !== undefined && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else out.push([p[0], p[1]]);
  }
  return out;
}

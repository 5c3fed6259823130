/**
 * `search PATTERN…` over the partitions that may hold a match (by their trigram filters), in parallel, merged in path order, with early
 * termination (see ordered-fan-out.ts): each partition is asked for at most the matches still
 * missing once the partitions before it answered (and its answer is cut again when consumed,
 * since asks overlap), so a partition asked for 0 reports only
 * whether it has any; the first partition that has more than asked proves the answer truncated
 * and stops the fan-out. The answer is exactly the first `limit` matching lines in path order.
 * While memory is short, an evicted partition answers from its files (see cold-search.ts).
 *
 * @module
 */

import { globToRegExp, searchCondition, type SearchQuery, type SearchResult } from './index/index.js';
import { orderedFanOut } from './ordered-fan-out.js';
import { checkLimit, type Answer, type QueryContext } from './query-context.js';
import { searchRow, type QueryRow } from './query-result.js';

/** Options of a search. */
export interface SearchOptions {
  /** `literal` (default) or `regex` (JavaScript syntax). */
  mode?: 'literal' | 'regex';
  /** `false` (default), `true`, or `'smart'`: ignore case unless a pattern has an upper-case letter. */
  ignoreCase?: boolean | 'smart';
  /** `line` (default): every pattern on the same line; `file`: each somewhere in the file (lines matching any are listed). */
  scope?: 'line' | 'file';
  /** Path globs a file must match one of. */
  include?: string[];
  /** Path globs a file must match none of. */
  exclude?: string[];
  /** At most this many lines (default 100). */
  limit?: number;
}

/** Default number of matching lines. */
export const kDefaultSearchLimit = 100;

/**
 * Builds and checks the partition query (so bad input fails here, not in every worker).
 * @throws TypeError for a pattern that is not a string; RangeError for no pattern, an empty
 *   literal, an empty glob or a bad limit; SyntaxError for an invalid regular expression
 */
export function searchQuery(pattern: string | readonly string[], o: SearchOptions = {}): SearchQuery {
  const patterns = typeof pattern === 'string' ? [pattern] : [...pattern];
  const mode = o.mode ?? 'literal';
  if (patterns.length === 0) throw new RangeError('Cannot search: no pattern given: current value is []');
  for (const p of patterns) {
    if (typeof p !== 'string') throw new TypeError(`Cannot search: a pattern must be a string: current value is ${String(p)}`);
    if (mode === 'literal' && p === '') throw new RangeError('Cannot search: a literal pattern is empty: current value is ""');
    if (mode === 'regex') compileRegex(p);
  }
  const limit = o.limit ?? kDefaultSearchLimit;
  checkLimit('search', limit);
  for (const g of [...(o.include ?? []), ...(o.exclude ?? [])]) {
    if (!isWellFormed(g)) throw new RangeError(`Cannot search: a glob must be well-formed Unicode: current value is ${JSON.stringify(g)}`);
    globToRegExp(g);
  }
  const ic = o.ignoreCase ?? false;
  // Decided here, on the patterns as given, before wireSafe() may rewrite them.
  const ignoreCase = ic === 'smart' ? patterns.every((p) => smartIgnoreCase(p, mode)) : ic;
  // Plain data only: no undefined fields (the query crosses threads as msgpack).
  return {
    ...wireSafe(patterns, mode),
    ignoreCase,
    scope: o.scope ?? 'line',
    include: [...(o.include ?? [])],
    exclude: [...(o.exclude ?? [])],
    limit,
  };
}

/**
 * Runs a checked query (from {@link searchQuery}) over the partitions whose trigram filter
 * allows a match (a partition it rules out has none: its own trigram index would find no
 * candidate), in path order.
 */
export async function searchAll(ctx: QueryContext, query: SearchQuery): Promise<Answer> {
  const limit = query.limit!;
  const ids = ctx.router.maySearch(searchCondition(query));
  const cold = ctx.cold?.evicted(ids) ?? new Set<number>();
  const rows: QueryRow[] = [];
  let truncated = false;
  const ask = async (id: number, sub: SearchQuery): Promise<SearchResult> => (await ctx.client.query(id, 'search', sub)).value;
  await orderedFanOut(
    ids.length,
    ctx.concurrency,
    async (i) => {
      const id = ids[i]!;
      const sub = { ...query, limit: Math.max(0, limit - rows.length) };
      // While memory is short, an evicted partition is read from its files, not loaded (cold-search.ts).
      return (cold.has(id) ? await ctx.cold!.search(id, sub) : null) ?? ask(id, sub);
    },
    (reply) => {
      // Asks run in parallel: one launched before the prefix filled up may bring more than fits.
      const { matches } = reply;
      const room = limit - rows.length;
      for (const m of matches.slice(0, room)) rows.push(searchRow(m));
      truncated = reply.truncated || matches.length > room;
      return !truncated;
    },
  );
  return { results: rows, truncated };
}

/** As the index decides `smart`: ignore case unless a pattern has an upper-case letter (outside escapes, for a regex). */
function smartIgnoreCase(pattern: string, mode: 'literal' | 'regex'): boolean {
  return !/\p{Lu}/u.test(mode === 'regex' ? pattern.replace(/\\./g, '') : pattern);
}

/**
 * Patterns that survive msgpack, which encodes strings as UTF-8 and so turns a lone surrogate
 * (a literal cut inside an emoji, say) into U+FFFD. Such patterns are sent as a regex whose lone
 * surrogates are `\uXXXX` escapes: the same matches and ranges, as the index runs regexes
 * without the `u` flag.
 */
function wireSafe(patterns: readonly string[], mode: 'literal' | 'regex'): { patterns: string[]; mode: 'literal' | 'regex' } {
  if (patterns.every(isWellFormed)) return { patterns: [...patterns], mode };
  const asRegex = mode === 'regex' ? patterns : patterns.map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return { patterns: asRegex.map(escapeLoneSurrogates), mode: 'regex' };
}

function escapeLoneSurrogates(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re.charCodeAt(i);
    // An escaped lone surrogate (`\` + it) is an identity escape: the escape replaces it.
    const next = re.charCodeAt(i + 1);
    if (c === 0x5c && isLoneAt(re, i + 1)) {
      out += `\\u${next.toString(16)}`;
      i++;
    } else if (c === 0x5c) {
      out += re.slice(i, i + 2);
      i++;
    } else out += isLoneAt(re, i) ? `\\u${c.toString(16)}` : re[i];
  }
  return out;
}

/** Whether a string has no lone surrogate (`String.prototype.isWellFormed`, not in our ES2023 lib). */
function isWellFormed(s: string): boolean {
  // With the `u` flag a surrogate pair is one code point, so only lone surrogates match.
  return !/[\ud800-\udfff]/u.test(s);
}

/** Whether the code unit at `i` is a surrogate without its partner. */
function isLoneAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return !(s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff);
  if (c >= 0xdc00 && c <= 0xdfff) return !(s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff);
  return false;
}

function compileRegex(p: string): void {
  try {
    new RegExp(p);
  } catch (err) {
    throw new SyntaxError(`Cannot search: invalid regular expression "${p}": ${(err as Error).message}`);
  }
}

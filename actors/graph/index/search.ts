/**
 * `search`: full-text search over a partition. Trigrams narrow the candidates (zoekt's
 * approach: the query's necessary trigram condition is evaluated per segment over its search
 * chunks), globs filter them, and the candidates are read in (path, line) order and verified
 * line by line until the limit is reached. A query with no usable trigram reads everything.
 *
 * Line scope reads candidate chunks (a line-scoped match lies inside one chunk). File scope
 * needs every pattern somewhere in the file: each pattern's condition is evaluated on its own,
 * mapped from chunks to files, and the file sets intersected; candidate files are read whole.
 *
 * @module
 */

import { scanText, type LineSink } from './file-scan.js';
import { compileMatcher, smartIgnoreCase, type LineMatcher } from './line-matcher.js';
import { PathFilter } from './path-filter.js';
import type { PartitionView } from './partition-view.js';
import type { SearchMatch, SearchQuery, SearchResult } from './query-types.js';
import type { Segment } from './segment.js';
import { evalTrigramQuery, qAnd, type TrigramQuery } from './trigram-query.js';
import { indexableRuns } from './trigram.js';
import { utf8Decode, utf8Encode } from './utf8.js';

/** The default cap on matching lines. */
export const DEFAULT_SEARCH_LIMIT = 100;

/** A byte range of one file to verify. */
interface Candidate {
  readonly seg: Segment;
  readonly file: number;
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
}

/**
 * Runs a search.
 *
 * @param view The partition.
 * @param query The query.
 * @returns Matching lines in (path, line) order, at most `limit`.
 * @throws {RangeError} When there is no pattern, a literal is empty, or the limit is negative.
 * @throws {SyntaxError} When a regular expression is invalid.
 */
export function search(view: PartitionView, query: SearchQuery): SearchResult {
  const { scope, limit, matchers, filter } = compileSearch(query);
  const candidates = scope === 'file' ? fileCandidates(view, matchers, filter) : chunkCandidates(view, matchers, filter);
  // Case-sensitive literals must occur in a candidate's bytes: checking natively, before
  // decoding, skips most candidates that only share the literal's trigrams. Only well-formed
  // runs are byte-searchable (a lone surrogate would encode as U+FFFD).
  const needles = matchers.flatMap((m) => (m.literal === null ? [] : indexableRuns(m.literal, false).map(utf8Encode)));
  const matches: SearchMatch[] = [];
  let truncated = false;
  let scanned = 0;
  for (let i = 0; i < candidates.length && !truncated; i++) {
    const c = candidates[i]!;
    if (i === 0 || !sameFile(c, candidates[i - 1]!)) scanned++;
    const bytes = c.seg.contentBuffer.subarray(c.start, c.end);
    if (!needles.every((n) => bytes.indexOf(n) >= 0)) continue;
    const text = utf8Decode(c.seg.data.contentBytes, c.start, c.end);
    // Stop at the first match past the limit: it proves the result is truncated.
    truncated = !scanText(text, matchers, scope, c.firstLine, collectInto(matches, limit, c.path));
  }
  const usedIndex = matchers.some((m) => m.query.op !== 'all');
  return { matches, truncated, candidateFiles: countFiles(candidates), scannedFiles: scanned, usedIndex };
}

/** A checked query, compiled: what {@link search} and {@link searchTexts} run. */
export interface CompiledSearch {
  readonly scope: 'line' | 'file';
  readonly limit: number;
  readonly matchers: readonly LineMatcher[];
  readonly filter: PathFilter;
}

/**
 * Checks and compiles a query.
 * @throws {RangeError} When there is no pattern, a literal is empty, or the limit is negative.
 * @throws {SyntaxError} When a regular expression is invalid.
 */
export function compileSearch(query: SearchQuery): CompiledSearch {
  const mode = query.mode ?? 'literal';
  const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
  if (query.patterns.length === 0) throw new RangeError('Cannot search: no pattern given: current value is []');
  if (!(limit >= 0)) throw new RangeError(`Cannot search: the limit must be a non-negative number: current value is ${limit}`);
  const ic = query.ignoreCase ?? false;
  const ignoreCase = ic === 'smart' ? query.patterns.every((p) => smartIgnoreCase(p, mode)) : ic;
  return { scope: query.scope ?? 'line', limit, matchers: query.patterns.map((p) => compileMatcher(p, mode, ignoreCase)), filter: new PathFilter(query.include, query.exclude) };
}

/**
 * The same search over whole texts instead of an index: each of `files` (in the order given,
 * which must be path order) whose path passes the globs is scanned as {@link search} verifies a
 * candidate. For files read from disk, it answers as the partition that indexed the same texts.
 * @param files - path and text of each file
 * @returns matching lines in the files' order, at most the limit (`candidateFiles` counts the
 *   files that passed the globs, `usedIndex` is false)
 */
export function searchTexts(files: Iterable<{ readonly path: string; readonly text: string }>, compiled: CompiledSearch): SearchResult {
  const { scope, limit, matchers, filter } = compiled;
  const matches: SearchMatch[] = [];
  let truncated = false;
  let scanned = 0;
  for (const f of files) {
    if (!filter.acceptsAll && !filter.matches(f.path)) continue;
    scanned++;
    truncated = !scanText(f.text, matchers, scope, 1, collectInto(matches, limit, f.path));
    // Stop before asking for the next file: `files` may read it from disk.
    if (truncated) break;
  }
  return { matches, truncated, candidateFiles: scanned, scannedFiles: scanned, usedIndex: false };
}

/**
 * The trigram condition every file holding a match satisfies (each pattern's, whether the
 * scope is a line or a file): the graph layer skips partitions whose trigram filter rules it out.
 * @param query - the query (checked as {@link search} checks it)
 * @returns the condition
 * @throws {RangeError} or {SyntaxError} as {@link search} does
 */
export function searchCondition(query: SearchQuery): TrigramQuery {
  const mode = query.mode ?? 'literal';
  const ic = query.ignoreCase ?? false;
  const ignoreCase = ic === 'smart' ? query.patterns.every((p) => smartIgnoreCase(p, mode)) : ic;
  return qAnd(query.patterns.map((p) => compileMatcher(p, mode, ignoreCase).query));
}

/** Live chunks that satisfy every pattern's trigram condition and the globs, in (path, line) order. */
function chunkCandidates(view: PartitionView, matchers: readonly LineMatcher[], filter: PathFilter): Candidate[] {
  const condition = qAnd(matchers.map((m) => m.query));
  const out: Candidate[] = [];
  for (const seg of view.segments) {
    const ids = evalTrigramQuery(condition, seg.trigrams);
    const n = ids === null ? seg.chunkCount : ids.length;
    const { chunkFile, chunkStart, chunkLine } = seg.data;
    let lastFile = -1;
    let lastOk = false;
    for (let i = 0; i < n; i++) {
      const c = ids === null ? i : ids[i]!;
      const file = chunkFile[c]!;
      if (file !== lastFile) [lastFile, lastOk] = [file, accepts(seg, file, filter)];
      if (lastOk) out.push({ seg, file, path: seg.path(file), start: chunkStart[c]!, end: chunkStart[c + 1]!, firstLine: chunkLine[c]! });
    }
  }
  return sortAcrossSegments(out);
}

/** Live files in which every pattern's condition holds in some chunk, whole, in path order. */
function fileCandidates(view: PartitionView, matchers: readonly LineMatcher[], filter: PathFilter): Candidate[] {
  const out: Candidate[] = [];
  for (const seg of view.segments) {
    const list = filesMatchingAll(seg, matchers);
    for (const file of list) {
      if (!accepts(seg, file, filter)) continue;
      out.push({ seg, file, path: seg.path(file), start: seg.data.contentStart[file]!, end: seg.data.contentStart[file + 1]!, firstLine: 1 });
    }
  }
  return sortAcrossSegments(out);
}

/** A scan sink that appends `path`'s matching lines; at a match past the limit it stops (proof of truncation). */
function collectInto(matches: SearchMatch[], limit: number, path: string): LineSink {
  return (line, text, ranges) => {
    if (matches.length === limit) return false;
    matches.push({ path, line, column: ranges[0]?.[0] ?? 0, text, ranges });
    return true;
  };
}

/** Increasing ids of the files of `seg` where every pattern's condition holds in some chunk. */
function filesMatchingAll(seg: Segment, matchers: readonly LineMatcher[]): number[] {
  let files: number[] | null = null;
  for (const m of matchers) {
    const ids = evalTrigramQuery(m.query, seg.trigrams);
    if (ids === null) continue;
    const mine = new Set<number>();
    for (const c of ids) mine.add(seg.data.chunkFile[c]!);
    files = files === null ? [...mine] : files.filter((f) => mine.has(f));
  }
  return files ?? Array.from({ length: seg.fileCount }, (_, f) => f);
}

function accepts(seg: Segment, file: number, filter: PathFilter): boolean {
  return !seg.isDead(file) && (filter.acceptsAll || filter.matches(seg.path(file)));
}

/** Each segment's list is in (path, line) order; paths are disjoint across segments. */
function sortAcrossSegments(out: Candidate[]): Candidate[] {
  if (out.some((c) => c.seg !== out[0]!.seg)) out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.firstLine - b.firstLine));
  return out;
}

function sameFile(a: Candidate, b: Candidate): boolean {
  return a.seg === b.seg && a.file === b.file;
}

function countFiles(candidates: readonly Candidate[]): number {
  let n = 0;
  candidates.forEach((c, i) => {
    if (i === 0 || !sameFile(c, candidates[i - 1]!)) n++;
  });
  return n;
}

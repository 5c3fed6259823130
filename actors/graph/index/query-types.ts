/**
 * Result shapes of the partition index's queries (plain data, safe to send between threads).
 *
 * Positions: `line` and `endLine` are 1-based; `column` is 0-based in UTF-16 code units. Lists
 * are ordered by path (code-unit order), then line, then column.
 *
 * @module
 */

import type { DefTag } from './file-tags.js';

/** A definition found by `def`. */
export interface DefHit extends DefTag {
  readonly path: string;
}

/** A reference found by `refs`. */
export interface RefHit {
  readonly name: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** A bounded list of hits and how many there are in all. */
export interface HitPage<T> {
  readonly hits: T[];
  /** All live hits, even those beyond the limit. */
  readonly total: number;
}

/** A completion candidate, with the counts it was ranked by. */
export interface Completion {
  readonly name: string;
  readonly defs: number;
  readonly refs: number;
}

/** One definition of a file's outline. */
export interface OutlineEntry extends DefTag {
  /** Index of the parent entry in the outline, or -1 at top level. */
  readonly parent: number;
  /** Nesting depth: 0 at top level. */
  readonly depth: number;
}

/** An import of a file and what it resolves to. */
export interface ImportEdge {
  readonly specifier: string;
  /** The imported file, a package directory ending in `/` (Go), or `null` when external or missing. */
  readonly target: string | null;
}

/** An import of a given file, by another file. */
export interface ImporterEdge {
  readonly path: string;
  readonly specifier: string;
}

/** A full-text query. */
export interface SearchQuery {
  /** One or more patterns; every one must match (on the same line, or in the same file). */
  readonly patterns: readonly string[];
  /** `literal` (default) or `regex` (JavaScript syntax, run without flags other than `i`). */
  readonly mode?: 'literal' | 'regex';
  /** `false` (default), `true`, or `'smart'`: ignore case unless a pattern has an upper-case letter. */
  readonly ignoreCase?: boolean | 'smart';
  /** `line` (default): all patterns on one line. `file`: each somewhere in the file. */
  readonly scope?: 'line' | 'file';
  /** Path globs a file must match one of (see path-filter.ts). */
  readonly include?: readonly string[];
  /** Path globs a file must match none of. */
  readonly exclude?: readonly string[];
  /** At most this many matching lines (default 100). */
  readonly limit?: number;
}

/** One matching line. */
export interface SearchMatch {
  readonly path: string;
  readonly line: number;
  /** Start of the first highlighted range, or 0 when the line matched only empty strings. */
  readonly column: number;
  /** The line without its `\n` (a `\r` before it is kept). */
  readonly text: string;
  /** Highlighted `[start, end)` ranges in `text`: the maximal runs covered by non-empty matches. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** The answer to a search. */
export interface SearchResult {
  readonly matches: SearchMatch[];
  /** Whether the limit stopped the search early. */
  readonly truncated: boolean;
  /** Files that passed the trigram filter and the globs. */
  readonly candidateFiles: number;
  /** Candidate files actually read before the search stopped. */
  readonly scannedFiles: number;
  /** Whether trigrams narrowed the candidates (false: full scan). */
  readonly usedIndex: boolean;
}

/**
 * The answer shape of every `CodeGraph` query, and the row builders that turn partition replies
 * into it. Rows are plain data; treat them as read-only (a cached answer is shared).
 *
 * @module
 */

import type { DefHit, OutlineEntry, RefHit, SearchMatch } from './index/index.js';
import type { LocatedCompletion } from './partition/index.js';

/** One result: a place in a file, plus what the query says about it. */
export interface QueryRow {
  /** Root-relative, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
  /** 0-based, in UTF-16 code units of the line. */
  column?: number;
  name?: string;
  kind?: string;
  /** The line's text (search) or the definition's signature line (def, outline, map). */
  text?: string;
  /** Highlighted `[start, end)` ranges of `text` (search). */
  ranges?: [number, number][];
  [k: string]: unknown;
}

/** The answer to a query. */
export interface QueryResult {
  results: QueryRow[];
  /** Whether more results exist than were returned (the limit cut them). */
  truncated: boolean;
  /** Time the query took, in milliseconds (a cache hit included). */
  took_ms: number;
  /** `map` only: the map rendered as text for a prompt. */
  text?: string;
}

/** A definition row: `text` is its signature line. */
export function defRow(h: DefHit): QueryRow {
  return { file: h.path, line: h.line, column: h.column, name: h.name, kind: h.kind, text: h.signature, endLine: h.endLine, enclosing: h.enclosing };
}

/** A reference row. */
export function refRow(h: RefHit): QueryRow {
  return { file: h.path, line: h.line, column: h.column, name: h.name };
}

/** A search row with its highlighted ranges. */
export function searchRow(m: SearchMatch): QueryRow {
  return { file: m.path, line: m.line, column: m.column, text: m.text, ranges: m.ranges.map(([a, b]) => [a, b]) };
}

/** A completion row, located at the name's first definition (or first use). */
export function completionRow(c: LocatedCompletion): QueryRow {
  return { file: c.path, line: c.line, column: c.column, name: c.name, defs: c.defs, refs: c.refs };
}

/** An outline row; `parent` indexes the rows of the same answer (-1 at top level). */
export function outlineRow(file: string, e: OutlineEntry): QueryRow {
  return { file, line: e.line, column: e.column, name: e.name, kind: e.kind, text: e.signature, endLine: e.endLine, enclosing: e.enclosing, depth: e.depth, parent: e.parent };
}

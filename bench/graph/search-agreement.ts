/**
 * Search agreement with ripgrep: for each pattern, the (file, line) set `CodeGraph.search`
 * returns against the set `rg` prints over the same files (see ripgrep.ts for the flags).
 * Regexes are written in the part of the syntax JavaScript and Rust's regex crate read alike:
 * explicit ASCII classes instead of `\w`, `\b` and `\s` (Unicode-aware in Rust, not in
 * JavaScript), and no `.` (JavaScript's also stops at `\r`, U+2028 and U+2029).
 *
 * @module
 */

import type { CodeGraph } from '../../actors/index.js';
import { runRg, type RgQuery } from './ripgrep.js';

/** How one pattern compared. */
export interface PatternAgreement {
  readonly pattern: string;
  readonly mode: 'literal' | 'regex';
  readonly ignoreCase: boolean;
  /** Why this pattern is in the set. */
  readonly why: string;
  readonly equal: boolean;
  readonly tessera: number;
  readonly rg: number;
  readonly truncated: boolean;
  /** Up to 5 `path:line` keys only Tessera returned, and only ripgrep. */
  readonly onlyTessera: string[];
  readonly onlyRg: string[];
}

/** A pattern to compare. */
export interface AgreementPattern extends RgQuery {
  readonly why: string;
}

const NOT_IDENT = '[^A-Za-z0-9_$]';

/**
 * The pattern set: rare and common identifiers as literals, case-insensitive literals,
 * whole-word and call regexes built on them, and a few structural regexes.
 * @param rare - selective identifiers (a few matches each)
 * @param common - frequent identifiers (hundreds to thousands of matches), six of them
 * @returns the patterns
 */
export function agreementPatterns(rare: readonly string[], common: readonly string[]): AgreementPattern[] {
  const out: AgreementPattern[] = [];
  for (const name of rare.slice(0, 8)) out.push({ pattern: name, mode: 'literal', why: 'rare identifier' });
  for (const name of common.slice(0, 3)) out.push({ pattern: name, mode: 'literal', why: 'common identifier' });
  for (const name of rare.slice(8, 11)) out.push({ pattern: name.toLowerCase(), mode: 'literal', ignoreCase: true, why: 'identifier, ignore case' });
  for (const name of rare.slice(11, 14)) out.push({ pattern: `(^|${NOT_IDENT})${name}(${NOT_IDENT}|$)`, mode: 'regex', why: 'whole word' });
  for (const name of common.slice(3, 6)) out.push({ pattern: `[.]${name}[ \\t]*\\(`, mode: 'regex', why: 'member call' });
  for (const name of common.slice(0, 2)) out.push({ pattern: `(function|class|def|interface)[ \\t]+${name.slice(0, 5)}[A-Za-z0-9_]*`, mode: 'regex', why: 'declaration, prefix' });
  out.push({ pattern: '^#include[ \\t]+"[a-z_]+\\.h"', mode: 'regex', why: 'C include' });
  out.push({ pattern: '[A-Z][a-z]+[A-Z][a-z]+Exception', mode: 'regex', why: 'class name shape' });
  out.push({ pattern: 'TODO\\([a-z]+\\)', mode: 'regex', why: 'TODO(owner)' });
  return out;
}

/**
 * Compares one pattern.
 * @param graph - the open graph
 * @param rg - ripgrep's command
 * @param root - the tree
 * @param p - the pattern
 * @param maxFileBytes - the scanner's size limit
 * @returns the comparison
 */
export async function comparePattern(graph: CodeGraph, rg: string, root: string, p: AgreementPattern, maxFileBytes: number): Promise<PatternAgreement> {
  const ours = await graph.search(p.pattern, { mode: p.mode, ignoreCase: p.ignoreCase ?? false, limit: 1_000_000 });
  const mine = new Set(ours.results.map((r) => `${r.file}:${r.line}`));
  const theirs = runRg(rg, root, p, maxFileBytes).lines;
  const onlyTessera = [...mine].filter((k) => !theirs.has(k));
  const onlyRg = [...theirs].filter((k) => !mine.has(k));
  return {
    pattern: p.pattern,
    mode: p.mode,
    ignoreCase: p.ignoreCase ?? false,
    why: p.why,
    equal: onlyTessera.length === 0 && onlyRg.length === 0 && !ours.truncated,
    tessera: mine.size,
    rg: theirs.size,
    truncated: ours.truncated,
    onlyTessera: onlyTessera.slice(0, 5),
    onlyRg: onlyRg.slice(0, 5),
  };
}

/**
 * The text form of a repo map, for pasting into an assistant's prompt. Each file is its path
 * and a colon, then one indented line per chosen definition:
 *
 * ```
 * src/parser.ts:
 *   export function parse(text: string, options?: ParseOptions): Ast
 *   export class Parser {
 * src/lexer.ts:
 *   export function tokenize(text: string): Token[]
 * ```
 *
 * The per-part lengths are exported so that the budget is computed without rendering.
 *
 * @module
 */

import type { DefFact } from './graph-facts.js';
import type { RepoMap } from './repo-map.js';

/** Signatures longer than this are cut, with `…`, so one minified line cannot eat the budget. */
export const MAX_SIGNATURE_CHARS = 200;
const INDENT = '  ';

/**
 * Renders a repo map.
 *
 * @param map A map from `rankMap`.
 * @returns The text; its length is exactly the sum of {@link fileHeaderChars} and
 *   {@link symbolLineChars} over the map's parts ("" for an empty map).
 */
export function renderMap(map: RepoMap): string {
  const parts: string[] = [];
  for (const f of map.files) {
    parts.push(`${f.file}:\n`);
    for (const s of f.symbols) parts.push(`${INDENT}${s.signature}\n`);
  }
  return parts.join('');
}

/** Length of a file's header line, newline included. */
export function fileHeaderChars(path: string): number {
  return path.length + 2;
}

/** Length of a definition's line, indent and newline included. */
export function symbolLineChars(signature: string): number {
  return INDENT.length + signature.length + 1;
}

/**
 * The one-line signature rendered for a definition: the first non-blank line, trimmed, cut to
 * {@link MAX_SIGNATURE_CHARS}; `kind name` when the signature is blank.
 *
 * @param def The definition.
 * @returns A non-empty single line.
 */
export function signatureLine(def: DefFact): string {
  const first = def.signature.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
  const line = first === undefined ? `${def.kind} ${def.name}`.trim() || '?' : first.trim();
  return line.length <= MAX_SIGNATURE_CHARS ? line : `${line.slice(0, MAX_SIGNATURE_CHARS - 1)}…`;
}

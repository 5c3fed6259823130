/**
 * Trigram queries: a boolean formula over trigrams that every file containing a match must
 * satisfy (a necessary condition; candidates are then verified). `all` means "no usable
 * trigram": every file is a candidate.
 *
 * @module
 */

import { indexableRuns, trigramsOf } from './trigram.js';
import { intersectPostings, unitePostings } from './posting-list.js';
import type { TrigramIndex } from './trigram-index.js';

/** A necessary condition on a file's trigram set. */
export type TrigramQuery =
  | { readonly op: 'all' }
  | { readonly op: 'tri'; readonly trigram: number }
  | { readonly op: 'and'; readonly of: readonly TrigramQuery[] }
  | { readonly op: 'or'; readonly of: readonly TrigramQuery[] };

/** The query every file satisfies. */
export const ALL: TrigramQuery = { op: 'all' };

/**
 * A conjunction stops narrowing at this many candidates: verifying one costs about a
 * microsecond, decoding one more long posting list ten or more. Skipping operands of an AND
 * only widens the (necessary) condition, so answers do not change.
 */
const ENOUGH_CANDIDATES = 8;

/**
 * Conjunction, flattened; `all` operands drop out.
 *
 * @returns `all` when nothing is left, the single operand when one is.
 */
export function qAnd(parts: readonly TrigramQuery[]): TrigramQuery {
  const of: TrigramQuery[] = [];
  for (const p of parts) {
    if (p.op === 'and') of.push(...p.of);
    else if (p.op !== 'all') of.push(p);
  }
  if (of.length === 0) return ALL;
  return of.length === 1 ? of[0]! : { op: 'and', of };
}

/**
 * Disjunction, flattened; one `all` operand makes it `all`.
 *
 * @returns The disjunction.
 */
export function qOr(parts: readonly TrigramQuery[]): TrigramQuery {
  const of: TrigramQuery[] = [];
  for (const p of parts) {
    if (p.op === 'all') return ALL;
    if (p.op === 'or') of.push(...p.of);
    else of.push(p);
  }
  if (of.length === 0) return ALL;
  return of.length === 1 ? of[0]! : { op: 'or', of };
}

/**
 * The condition for a file to contain a literal.
 *
 * @param text The literal.
 * @param caseInsensitive Whether the match ignores case.
 * @returns The conjunction of the literal's usable trigrams.
 */
export function literalQuery(text: string, caseInsensitive: boolean): TrigramQuery {
  const tris = indexableRuns(text, caseInsensitive).flatMap(trigramsOf);
  return qAnd(tris.map((trigram) => ({ op: 'tri', trigram })));
}

/**
 * Whether a set could satisfy the query, given only a membership test (which may say yes
 * wrongly, as a Bloom filter does, but never no wrongly).
 * @param q - the query
 * @param has - whether the set may hold a trigram
 * @returns false only when no file of the set can match
 */
export function mayMatch(q: TrigramQuery, has: (trigram: number) => boolean): boolean {
  switch (q.op) {
    case 'all':
      return true;
    case 'tri':
      return has(q.trigram);
    case 'and':
      return q.of.every((p) => mayMatch(p, has));
    case 'or':
      return q.of.some((p) => mayMatch(p, has));
    default:
      throw new TypeError(`Unknown trigram query op: current value is "${(q as { op: string }).op}"`);
  }
}

/**
 * The candidate files of a query.
 *
 * @param q The query.
 * @param index The trigram index of one segment.
 * @returns Increasing file ids, or `null` for "every file".
 */
export function evalTrigramQuery(q: TrigramQuery, index: TrigramIndex): Uint32Array | null {
  switch (q.op) {
    case 'all':
      return null;
    case 'tri':
      return index.files(q.trigram);
    case 'and':
      return evalAnd(q.of, index);
    case 'or':
      return evalOr(q.of, index);
    default:
      throw new TypeError(`Unknown trigram query op: current value is "${(q as { op: string }).op}"`);
  }
}

function evalAnd(of: readonly TrigramQuery[], index: TrigramIndex): Uint32Array | null {
  // Shortest lists first, so the running intersection shrinks fast and can stop when empty.
  const cost = (p: TrigramQuery): number => (p.op === 'tri' ? index.listBytes(p.trigram) : Infinity);
  const ordered = [...of].sort((a, b) => cost(a) - cost(b));
  let acc: Uint32Array | null = null;
  for (const p of ordered) {
    const files = evalTrigramQuery(p, index);
    if (files === null) continue;
    acc = acc === null ? files : intersectPostings(acc, files);
    if (acc.length <= ENOUGH_CANDIDATES) break;
  }
  return acc;
}

function evalOr(of: readonly TrigramQuery[], index: TrigramIndex): Uint32Array | null {
  let acc: Uint32Array = new Uint32Array(0);
  for (const p of of) {
    const files = evalTrigramQuery(p, index);
    if (files === null) return null;
    acc = unitePostings(acc, files);
  }
  return acc;
}

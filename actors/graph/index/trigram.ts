/**
 * Trigram arithmetic shared by the index builder and the query planner. A trigram is three
 * consecutive UTF-8 bytes of a file's content after ASCII case folding (`A`–`Z` → `a`–`z`),
 * packed into 24 bits: `b0 << 16 | b1 << 8 | b2`. Folding lets one index serve case-sensitive
 * and case-insensitive searches: a case-sensitive match of `Foo` implies the folded content
 * contains `foo`.
 *
 * @module
 */

import { utf8Encode } from './utf8.js';

/** Folds an ASCII upper-case letter byte to lower case; other bytes are unchanged. */
export function foldByte(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b | 0x20 : b;
}

/**
 * A trigram as a three-character string (one character per byte): the key under which the
 * graph layer's per-partition Bloom filters hold it.
 */
export function trigramKey(trigram: number): string {
  return String.fromCharCode((trigram >>> 16) & 0xff, (trigram >>> 8) & 0xff, trigram & 0xff);
}

/**
 * The distinct trigrams of a literal, for the query planner.
 *
 * @param text A well-formed string that every match must contain.
 * @returns The folded trigrams of its UTF-8 bytes (possibly none when shorter than 3 bytes).
 */
export function trigramsOf(text: string): number[] {
  const bytes = utf8Encode(text);
  const out = new Set<number>();
  for (let i = 0; i + 2 < bytes.length; i++) {
    out.add((foldByte(bytes[i]!) << 16) | (foldByte(bytes[i + 1]!) << 8) | foldByte(bytes[i + 2]!));
  }
  return [...out];
}

/**
 * Splits a literal into the runs whose bytes the index can use. Case-sensitive: the maximal
 * well-formed runs (a lone surrogate, which an `i`-less regex may split off a pair, breaks a
 * run). Case-insensitive: the maximal ASCII runs, because a non-ASCII letter may match another
 * case whose UTF-8 bytes differ (`é` vs `É`), while ASCII letters only ever match ASCII letters.
 *
 * @param text The literal.
 * @param caseInsensitive Whether the search ignores case.
 * @returns Substrings that every match of `text` contains.
 */
export function indexableRuns(text: string, caseInsensitive: boolean): string[] {
  const runs: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let breaks: boolean;
    if (caseInsensitive) breaks = c >= 0x80;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      breaks = !(next >= 0xdc00 && next <= 0xdfff);
      if (!breaks) i++;
    } else breaks = c >= 0xdc00 && c <= 0xdfff;
    if (breaks) {
      if (i > start) runs.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (text.length > start) runs.push(text.slice(start));
  return runs;
}
